import { Limits } from '@quizwire/protocol';
import { html, nothing } from 'lit';
import { format } from '../../i18n.js';
import { baseStyles } from '../../internal/base-styles.js';
import { QwComposite } from '../../internal/composite.js';
import { compositeStyles } from '../../internal/composite-styles.js';
import { styles } from './qw-duel.styles.js';

/**
 * A head-to-head duel: one player starts it and sends the link, the other joins; both get
 * the same questions at the same time and see both scores side by side. If the opponent
 * drops, a notice counts down the grace period they have to return. At the end both see who
 * won and can ask for a rematch, which starts when both asked.
 *
 * @summary Head-to-head duel with rematch.
 * @tag qw-duel
 *
 * @attr server - The Quizwire server (`wss://host/ws`, `https://host` or a path such as `/ws`).
 * @attr code - Join this duel instead of starting one.
 * @attr nickname - Prefills the nickname.
 * @attr join-url - Link the opponent opens; `{code}` is replaced. Default: `<origin>/play?code={code}`.
 * @attr {number} count - Questions per duel (default 10).
 * @attr theme - `light`, `dark` or `auto`.
 * @prop {QuizClientLike} client - Use this client instead of making one from `server`.
 * @prop {Partial<Strings>} strings - Overrides for the English strings.
 *
 * @fires {CustomEvent<{ code: string }>} qw-created - After a duel was created.
 * @fires {CustomEvent<Record<string, never>>} qw-rematch - Before asking for a rematch; cancelable.
 *
 * @csspart versus - The two players and their scores.
 * @csspart outcome - "You win!", "You lose." or "It is a draw."
 * @csspart rematch-button - The rematch button.
 * @csspart question - The question (`qw-question`).
 * @csspart result - The result (`qw-result`).
 *
 * @cssprop [--qw-color-warning=#8a4b00 / #ffc46b] - Colour of the opponent-left notice.
 */
export class QwDuel extends QwComposite {
  static override styles = [baseStyles, compositeStyles, styles];
  static override properties = {
    ...QwComposite.properties,
    code: {},
    nickname: {},
    joinUrl: { attribute: 'join-url' },
    count: { type: Number },
    busy: { state: true },
    error: { state: true },
  };

  declare code: string | undefined;
  declare nickname: string;
  declare joinUrl: string | undefined;
  declare count: number;
  declare private busy: boolean;
  declare private error: string;

  private duel = this.bind((c) => c.$duel);
  private leaderboard = this.bind((c) => c.$leaderboard);
  private ticker: ReturnType<typeof setInterval> | undefined;

  constructor() {
    super();
    this.nickname = '';
    this.count = 10;
    this.busy = false;
    this.error = '';
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.ticker);
    this.ticker = undefined;
  }

  protected override updated(): void {
    // Ticks only while the opponent-left countdown is on screen.
    const counting = !!this.duel.value?.opponentLeft;
    if (counting && !this.ticker) this.ticker = setInterval(() => this.requestUpdate(), 1000);
    if (!counting && this.ticker) {
      clearInterval(this.ticker);
      this.ticker = undefined;
    }
  }

  override render() {
    const s = this.session.value;
    return html`<div class="frame">
      ${this.renderConnection()}
      ${s?.me ? this.renderDuel() : this.code ? this.renderJoin() : this.renderCreate()}
    </div>`;
  }

  private renderJoin() {
    return html`<qw-join .client=${this.client} .strings=${this.strings} code=${this.code ?? ''}
      nickname=${this.nickname}></qw-join>`;
  }

  private renderCreate() {
    const t = this.t;
    return html`<form @submit=${this.create} aria-labelledby="duel-title">
      <h2 id="duel-title">${t.duelTitle}</h2>
      <label>${t.nicknameLabel}
        <input name="nickname" required maxlength=${Limits.MAX_NICKNAME_LENGTH} dir="auto" autocomplete="nickname"
          .value=${this.nickname} @input=${(e: Event) => {
            this.nickname = (e.target as HTMLInputElement).value;
          }} /></label>
      <button type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${this.busy ? t.creating : t.createDuel}</button>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
    </form>`;
  }

  private async create(event: Event): Promise<void> {
    event.preventDefault();
    if (this.busy || !this.client) return;
    const nickname = this.nickname.trim();
    if (!nickname) {
      this.error = this.t.nicknameRequired;
      return;
    }
    this.busy = true;
    this.error = '';
    try {
      await this.client.host.create({ mode: 'duel', nickname, bank: { count: this.count } });
      this.emit('qw-created', { code: this.session.value?.code ?? '' });
    } catch (error) {
      this.error = this.describeError(error);
    } finally {
      this.busy = false;
    }
  }

  private renderDuel() {
    const s = this.session.value!;
    const t = this.t;
    const me = s.me!;
    const opponent = s.players.find((p) => p.id !== me.playerId);
    const scores = new Map<string, number>();
    for (const p of this.finished.value?.duel?.players ?? this.leaderboard.value?.top ?? []) {
      scores.set(p.playerId, p.score);
    }
    const myScore = this.standing.value?.score ?? scores.get(me.playerId) ?? 0;
    const left = this.duel.value?.opponentLeft;
    const client = this.client;
    return html`
      <div part="versus" aria-label=${t.duelTitle}>
        <div class="side"><span class="name"><bdi>${me.nickname}</bdi> (${t.you})</span>
          <span class="score">${format(t.points, { score: myScore })}</span></div>
        <span class="vs" aria-hidden="true">${t.vs}</span>
        <div class="side them"><span class="name">${opponent ? html`<bdi>${opponent.nickname}</bdi>` : '…'}</span>
          <span class="score">${opponent ? format(t.points, { score: scores.get(opponent.id) ?? 0 }) : ''}</span></div>
      </div>
      ${
        left && client
          ? html`<p class="notice" role="alert">${format(t.opponentLeft, {
              name: opponent?.nickname ?? '',
              seconds: Math.max(0, Math.ceil((left.graceUntil - client.serverNow()) / 1000)),
            })}</p>`
          : nothing
      }
      ${s.phase === 'lobby' ? this.renderWaiting() : s.phase === 'finished' ? this.renderFinished() : this.renderPhase('player')}
    `;
  }

  private renderWaiting() {
    const s = this.session.value!;
    const t = this.t;
    // The server starts a duel by itself once both players are in.
    if (s.playerCount >= 2) return html`<p class="big center" role="status">${t.getReady}</p>`;
    return html`<div class="stack"><p class="big" role="status">${t.waitingOpponent}</p>
      <p>${t.duelShare}</p>
      <qw-lobby .client=${this.client} .strings=${this.strings} show-share join-url=${this.joinUrl ?? nothing}></qw-lobby></div>`;
  }

  private renderFinished() {
    const s = this.session.value!;
    const t = this.t;
    const me = s.me!.playerId;
    const duel = this.finished.value?.duel;
    const rematch = this.duel.value?.rematch ?? [];
    const verdict = !duel
      ? t.gameOver
      : duel.winnerId === null
        ? t.draw
        : duel.winnerId === me
          ? t.youWin
          : t.youLose;
    const asked = rematch.includes(me);
    const offered = rematch.find((id) => id !== me);
    const other = s.players.find((p) => p.id === offered)?.nickname ?? '';
    return html`<div class="card stack center">
      <p part="outcome" role="status">${verdict}</p>
      ${offered && !asked ? html`<p role="status">${format(t.rematchOffered, { name: other })}</p>` : nothing}
      ${
        asked
          ? html`<p role="status">${t.rematchRequested}</p>`
          : html`<button part="rematch-button" @click=${this.rematch}>${t.rematch}</button>`
      }
    </div>
    <qw-leaderboard .client=${this.client} .strings=${this.strings} source="final"></qw-leaderboard>`;
  }

  private async rematch(): Promise<void> {
    if (!this.emit('qw-rematch', {}, true)) return;
    try {
      await this.client?.player.rematch();
    } catch (error) {
      this.error = this.describeError(error);
    }
  }
}
