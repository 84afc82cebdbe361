import { html, nothing, type PropertyValues } from 'lit';
import { format } from '../../i18n.js';
import { baseStyles } from '../../internal/base-styles.js';
import { codeFromUrl, QwComposite } from '../../internal/composite.js';
import { compositeStyles } from '../../internal/composite-styles.js';
import { styles } from './qw-screen.styles.js';

/**
 * The projector view of a room: join code and QR code in the lobby, then each question with
 * its countdown and live answer counts, the reveal, the leaderboard and the podium. It only
 * watches (role `screen`) and can be opened on any number of displays.
 *
 * @summary Read-only projector view of a game.
 * @tag qw-screen
 *
 * @attr server - The Quizwire server (`wss://host/ws`, `https://host` or a path such as `/ws`).
 * @attr code - The join code of the room to show.
 * @attr {boolean} code-from-url - Take the code from the page's URL: `?code=…` or a path ending in `/screen/<code>`.
 * @attr join-url - Link players open; `{code}` is replaced. Default: `<origin>/play?code={code}`.
 * @attr theme - `light`, `dark` or `auto`.
 * @prop {QuizClientLike} client - Use this client instead of making one from `server`.
 * @prop {Partial<Strings>} strings - Overrides for the English strings.
 *
 * @csspart lobby - The lobby with the QR code.
 * @csspart question - The question.
 * @csspart histogram - The live answer counts.
 * @csspart leaderboard - The leaderboard.
 * @csspart podium - The podium.
 *
 * @cssprop [--qw-font-size=clamp(1rem, 1.6vw, 1.6rem)] - Base size; scales with the screen.
 * @cssprop [--qw-qr-size=clamp(160px, 22vw, 320px)] - Width of the QR code.
 */
export class QwScreen extends QwComposite {
  static override styles = [baseStyles, compositeStyles, styles];
  static override properties = {
    ...QwComposite.properties,
    code: {},
    codeFromUrl: { attribute: 'code-from-url', type: Boolean },
    joinUrl: { attribute: 'join-url' },
    watchError: { state: true },
  };

  declare code: string | undefined;
  declare codeFromUrl: boolean;
  declare joinUrl: string | undefined;
  declare private watchError: string;
  private watching: string | undefined;

  constructor() {
    super();
    this.watchError = '';
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const code = (this.code ?? (this.codeFromUrl ? codeFromUrl() : ''))?.trim().toUpperCase();
    if (!this.client || !code || this.watching === code) return;
    if (this.session.value?.code === code) {
      this.watching = code;
      return;
    }
    this.watching = code;
    this.client.screen.watch(code).catch((error: unknown) => {
      this.watchError = this.describeError(error);
    });
  }

  override render() {
    const s = this.session.value;
    const t = this.t;
    const url = format(this.joinUrl ?? `${globalThis.location?.origin ?? ''}/play?code={code}`, {
      code: encodeURIComponent(s?.code ?? ''),
    });
    return html`<div class="frame">
      ${this.renderConnection()}
      ${this.watchError ? html`<p class="error" role="alert">${this.watchError}</p>` : nothing}
      ${
        !s
          ? html`<p class="waiting" role="status">${t.screenWaiting}</p>`
          : html`<div class="bar">
                <span class="title" dir="auto">${s.title ?? ''}</span>
                <span class="join">${format(t.screenJoin, { url })} · <strong>${s.code}</strong></span>
              </div>
              ${
                s.phase === 'question' || s.phase === 'reveal' || s.phase === 'countdown'
                  ? html`<div class="split">${this.renderPhase('screen')}</div>`
                  : s.phase === 'lobby'
                    ? html`<qw-lobby part="lobby" .client=${this.client} .strings=${this.strings} show-share
                        join-url=${this.joinUrl ?? nothing}></qw-lobby>`
                    : this.renderPhase('screen')
              }`
      }
    </div>`;
  }
}
