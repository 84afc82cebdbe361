import { html, nothing } from 'lit';
import { format } from '../../i18n.js';
import { baseStyles } from '../../internal/base-styles.js';
import { QwElement } from '../../internal/qw-element.js';
import { qrSvg } from './qr.js';
import { styles } from './qw-lobby.styles.js';

/**
 * The lobby: the join code, a share link with its QR code, and the players who joined.
 * The host sees a remove button by each player. Nicknames are rendered as isolated text
 * (`<bdi>`), so right-to-left names and odd characters neither break the layout nor run.
 *
 * @summary Players in the room, join code, share link and QR code.
 * @tag qw-lobby
 *
 * @attr join-url - Link players open; `{code}` is replaced. Default: `<origin>/play?code={code}`.
 * @attr {boolean} show-share - Show the code, link and QR code (default: for host and screen).
 * @attr {boolean} kickable - Show remove buttons (default: when the client is the host).
 * @attr theme - `light`, `dark` or `auto`.
 * @prop {QuizClientLike} client - The client whose `$session` is shown.
 * @prop {Partial<Strings>} strings - Overrides for the English strings.
 *
 * @fires {CustomEvent<{ playerId: string }>} qw-kick - Before removing a player; cancelable.
 *
 * @csspart code - The join code.
 * @csspart qr - The QR code (an SVG).
 * @csspart link - The share link.
 * @csspart players - The list of players.
 * @csspart player - One player.
 * @csspart kick-button - A player's remove button.
 *
 * @cssprop [--qw-qr-size=180px] - Width of the QR code.
 * @cssprop [--qw-color-accent=#4433d6 / #a79fff] - Marks your own entry.
 */
export class QwLobby extends QwElement {
  static override styles = [baseStyles, styles];
  static override properties = {
    ...QwElement.properties,
    joinUrl: { attribute: 'join-url' },
    showShare: { attribute: 'show-share', type: Boolean },
    kickable: { type: Boolean },
    copied: { state: true },
  };

  declare joinUrl: string | undefined;
  declare showShare: boolean | undefined;
  declare kickable: boolean | undefined;
  declare private copied: boolean;

  private session = this.bind((c) => c.$session);

  /** The link players open to join this room. */
  get shareUrl(): string {
    const code = this.session.value?.code ?? '';
    const template = this.joinUrl ?? `${globalThis.location?.origin ?? ''}/play?code={code}`;
    return format(template, { code: encodeURIComponent(code) });
  }

  override render() {
    const s = this.session.value;
    if (!s) return nothing;
    const t = this.t;
    const share = this.showShare ?? s.role !== 'player';
    const kickable = this.kickable ?? s.role === 'host';
    const url = this.shareUrl;
    const count = s.playerCount === 1 ? t.playerCountOne : format(t.playerCount, { count: s.playerCount });
    // A big room sends players the count without the list: the count line says it all then.
    const more = s.players.length > 0 ? s.playerCount - s.players.length : 0;
    return html`<section class="lobby card ${share ? 'with-share' : ''}" aria-labelledby="lobby-title">
      <div class="stack">
        <h2 id="lobby-title">${s.title ?? t.lobbyTitle}</h2>
        ${
          share
            ? html`<p>${t.joinCodeLabel}: <span part="code" class="code">${s.code}</span></p>`
            : html`<p>${t.waitingForHost}</p>`
        }
        <p aria-live="polite">${count}</p>
        ${
          s.players.length === 0
            ? s.playerCount === 0
              ? html`<p class="muted">${t.noPlayers}</p>`
              : nothing
            : html`<ul part="players">
                ${s.players.map((p) => {
                  const me = s.me?.playerId === p.id;
                  return html`<li part="player" class=${`${me ? 'me' : ''} ${p.connected ? '' : 'offline'}`}>
                    <bdi class="name">${p.nickname}</bdi>
                    ${me ? html`<span class="tag">(${t.you})</span>` : nothing}
                    ${p.connected ? nothing : html`<span class="tag">(${t.offline})</span>`}
                    ${
                      kickable
                        ? html`<button part="kick-button" class="kick" aria-label=${format(t.kickLabel, { name: p.nickname })}
                            @click=${() => this.kick(p.id)}><span aria-hidden="true">✕</span></button>`
                        : nothing
                    }
                  </li>`;
                })}
              </ul>`
        }
        ${more > 0 ? html`<p class="muted">${format(t.morePlayers, { count: more })}</p>` : nothing}
      </div>
      ${
        share
          ? html`<div class="share">
              <p>${t.scanToJoin}</p>
              ${qrSvg(url, format(t.qrLabel, { url }))}
              <a part="link" class="link" href=${url} target="_blank" rel="noopener">${url}</a>
              <button class="secondary" @click=${this.copy}>${t.copyLink}</button>
              <p role="status" class="muted">${this.copied ? t.copied : ''}</p>
            </div>`
          : nothing
      }
    </section>`;
  }

  private async kick(playerId: string): Promise<void> {
    if (!this.emit('qw-kick', { playerId }, true)) return;
    try {
      await this.client?.host.kick(playerId);
    } catch {
      // The lobby update is the truth: a failed kick leaves the player listed.
    }
  }

  private async copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(this.shareUrl);
      this.copied = true;
    } catch {
      this.copied = false;
    }
  }
}
