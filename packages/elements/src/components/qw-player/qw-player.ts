import { html } from 'lit';
import { baseStyles } from '../../internal/base-styles.js';
import { codeFromUrl, EXPORTED, QwComposite } from '../../internal/composite.js';
import { compositeStyles } from '../../internal/composite-styles.js';
import { styles } from './qw-player.styles.js';

/**
 * The whole player flow in one tag: join with a code and nickname, wait in the lobby, answer
 * each question (mouse, touch or keys 1–6), see the result, the leaderboard and the podium.
 * Give it a `server` and it makes and owns its client; a reloaded page resumes the same
 * player (the SDK keeps the session in `sessionStorage`).
 *
 * @summary The complete player experience.
 * @tag qw-player
 *
 * @attr server - The Quizwire server: `wss://host/ws`, `https://host`, or a path such as `/ws`.
 * @attr code - Prefills the join code.
 * @attr {boolean} code-from-url - Prefill the join code from the page's `?code=` (the QR code's link).
 * @attr nickname - Prefills the nickname.
 * @attr theme - `light`, `dark` or `auto`.
 * @prop {QuizClientLike} client - Use this client instead of making one from `server`.
 * @prop {Partial<Strings>} strings - Overrides for the English strings, handed to every piece.
 *
 * @fires {CustomEvent<JoinRequest>} qw-join - Before joining; cancelable.
 * @fires {CustomEvent<{ result: unknown }>} qw-joined - After joining.
 * @fires {CustomEvent<AnswerRequest>} qw-answer - Before an answer is sent; cancelable.
 *
 * @csspart join - The join form (`qw-join`).
 * @csspart lobby - The lobby (`qw-lobby`).
 * @csspart question - The question (`qw-question`).
 * @csspart result - The result (`qw-result`).
 * @csspart histogram - The histogram, when the game shows it to players.
 * @csspart leaderboard - The leaderboard (`qw-leaderboard`).
 * @csspart podium - The podium (`qw-podium`).
 * @csspart generation - Generation progress (`qw-generation`).
 * @csspart duel - The head-to-head view when the game is a duel (`qw-duel`).
 * @csspart option - Forwarded from `qw-question`, like its other parts (prompt, timer, options,
 *   status), and the parts of the other pieces (code, qr, player, bar, verdict, points, row, place…).
 *
 * @cssprop [--qw-color-background=#ffffff / #15151c] - Background.
 * @cssprop [--qw-color-surface=#f3f3f8 / #23232d] - Background of cards.
 * @cssprop [--qw-color-text=#1b1b22 / #f1f1f6] - Text colour.
 * @cssprop [--qw-color-accent=#4433d6 / #a79fff] - Buttons and highlights.
 * @cssprop [--qw-font-family=system-ui] - Font.
 * @cssprop [--qw-radius=12px] - Corner radius.
 * @cssprop [--qw-space=1rem] - Base spacing.
 * @cssprop [--qw-max-width=56rem] - Largest width.
 */
export class QwPlayer extends QwComposite {
  static override styles = [baseStyles, compositeStyles, styles];
  static override properties = {
    ...QwComposite.properties,
    code: {},
    codeFromUrl: { attribute: 'code-from-url', type: Boolean },
    nickname: {},
  };

  declare code: string | undefined;
  declare codeFromUrl: boolean;
  declare nickname: string | undefined;

  override render() {
    const s = this.session.value;
    const joined = !!s?.me;
    // A reloaded page resumes its stored session: show that instead of a join form.
    const resuming = !joined && !!this.client?.resumable && this.connection.value?.state !== 'closed';
    return html`<div class="frame">
      ${this.renderConnection()}
      ${
        joined && s.mode === 'duel'
          ? html`<qw-duel part="duel" .embedded=${true} .client=${this.client} .strings=${this.strings}></qw-duel>`
          : joined
            ? html`<div class="bar">${this.renderMe()}</div>${this.renderPhase('player')}`
            : resuming
              ? html`<p class="center" role="status">${this.t.connecting}</p>`
              : html`<qw-join part="join" exportparts=${EXPORTED.join} .client=${this.client} .strings=${this.strings}
              code=${this.code ?? (this.codeFromUrl ? codeFromUrl() : '')} nickname=${this.nickname ?? ''}></qw-join>`
      }
    </div>`;
  }
}
