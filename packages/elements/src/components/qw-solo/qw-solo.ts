import { Limits } from '@quizwire/protocol';
import { html, nothing } from 'lit';
import { format } from '../../i18n.js';
import { baseStyles } from '../../internal/base-styles.js';
import { QwComposite } from '../../internal/composite.js';
import { compositeStyles } from '../../internal/composite-styles.js';
import { styles } from './qw-solo.styles.js';

/**
 * Self-paced practice for a page: pick a nickname, answer questions from the server's bank
 * one by one, move on when ready, see the final score and play again.
 *
 * @summary Self-paced practice widget.
 * @tag qw-solo
 *
 * @attr server - The Quizwire server (`wss://host/ws`, `https://host` or a path such as `/ws`).
 * @attr nickname - Prefills the nickname.
 * @attr {number} count - Questions per round (default 10).
 * @attr category - Bank category to draw from (optional).
 * @attr {'easy' | 'medium' | 'hard'} difficulty - Bank difficulty (optional).
 * @attr theme - `light`, `dark` or `auto`.
 * @prop {QuizClientLike} client - Use this client instead of making one from `server`.
 * @prop {Partial<Strings>} strings - Overrides for the English strings.
 *
 * @fires {CustomEvent<{ code: string }>} qw-created - After a practice round was created.
 *
 * @csspart start-button - "Start practice" / "Play again".
 * @csspart next-button - "Next question" / "See results".
 * @csspart question - The question (`qw-question`).
 * @csspart result - The result (`qw-result`).
 * @csspart summary - The final score.
 */
export class QwSolo extends QwComposite {
  static override styles = [baseStyles, compositeStyles, styles];
  static override properties = {
    ...QwComposite.properties,
    nickname: {},
    count: { type: Number },
    category: {},
    difficulty: {},
    busy: { state: true },
    error: { state: true },
  };

  declare nickname: string;
  declare count: number;
  declare category: string | undefined;
  declare difficulty: 'easy' | 'medium' | 'hard' | undefined;
  declare private busy: boolean;
  declare private error: string;

  constructor() {
    super();
    this.nickname = '';
    this.count = 10;
    this.busy = false;
    this.error = '';
  }

  override render() {
    const s = this.session.value;
    return html`<div class="frame">
      ${this.renderConnection()}
      ${s?.me && s.phase !== 'finished' ? this.renderRound() : this.renderStart()}
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
    </div>`;
  }

  private renderStart() {
    const t = this.t;
    const finished = this.session.value?.phase === 'finished' ? this.standing.value : null;
    return html`${
      finished
        ? html`<section part="summary" class="card summary stack" role="status">
            <h2>${t.gameOver}</h2>
            <p class="score">${format(t.points, { score: finished.score })}</p>
          </section>`
        : nothing
    }
    <form @submit=${this.start} aria-labelledby="solo-title">
      <h2 id="solo-title">${t.soloTitle}</h2>
      <p class="muted">${t.soloIntro}</p>
      <label>${t.nicknameLabel}
        <input name="nickname" required maxlength=${Limits.MAX_NICKNAME_LENGTH} dir="auto" autocomplete="nickname"
          .value=${this.nickname} @input=${(e: Event) => {
            this.nickname = (e.target as HTMLInputElement).value;
          }} /></label>
      <button part="start-button" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>
        ${this.busy ? t.creating : finished ? t.playAgain : t.startPractice}</button>
    </form>`;
  }

  private renderRound() {
    const s = this.session.value!;
    const t = this.t;
    const between = s.phase === 'reveal' || s.phase === 'leaderboard';
    const last = (this.question.value?.index ?? 0) + 1 >= (this.question.value?.total ?? s.questionCount);
    return html`<div class="bar">${this.renderMe()}</div>
      ${s.phase === 'lobby' ? html`<p class="big center">${t.getReady}</p>` : this.renderPhase('player')}
      ${
        between
          ? html`<div class="controls"><button part="next-button" @click=${this.next}>${last ? t.seeResults : t.next}</button></div>`
          : nothing
      }`;
  }

  private async start(event: Event): Promise<void> {
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
      await this.client.host.create({
        mode: 'solo',
        nickname,
        bank: {
          count: this.count,
          ...(this.category ? { category: this.category } : {}),
          ...(this.difficulty ? { difficulty: this.difficulty } : {}),
        },
      });
      this.emit('qw-created', { code: this.session.value?.code ?? '' });
      // Solo rooms may start by themselves; a WRONG_PHASE here only means it already did.
      if (this.session.value?.phase === 'lobby') await this.client.host.start().catch(() => undefined);
    } catch (error) {
      this.error = this.describeError(error);
    } finally {
      this.busy = false;
    }
  }

  private async next(): Promise<void> {
    try {
      await this.client?.player.next();
    } catch (error) {
      this.error = this.describeError(error);
    }
  }
}
