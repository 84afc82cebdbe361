import { html, nothing } from 'lit';
import { format } from '../../i18n.js';
import { baseStyles } from '../../internal/base-styles.js';
import { QwElement } from '../../internal/qw-element.js';
import { styles } from './qw-result.styles.js';

/**
 * The outcome of the last question for this player: correct or not (said in words and with an
 * icon, not by colour alone), points earned, streak bonus, running score and rank, the correct
 * answer and the explanation when the quiz has one. Announced politely to screen readers.
 *
 * @summary The player's outcome after a question closes.
 * @tag qw-result
 *
 * @attr theme - `light`, `dark` or `auto`.
 * @prop {QuizClientLike} client - The client whose `$result`, `$standing` and `$question` are shown.
 * @prop {Partial<Strings>} strings - Overrides for the English strings.
 *
 * @csspart result - The result box.
 * @csspart verdict - "Correct!", "Not quite." …
 * @csspart points - Points earned.
 * @csspart answer - The correct answer.
 *
 * @cssprop [--qw-color-success=#12703a / #6ddc9b] - Colour of a correct answer.
 * @cssprop [--qw-color-danger=#b3261e / #ff9a90] - Colour of a wrong answer.
 */
export class QwResult extends QwElement {
  static override styles = [baseStyles, styles];

  private result = this.bind((c) => c.$result);
  private standing = this.bind((c) => c.$standing);
  private question = this.bind((c) => c.$question);

  override render() {
    const r = this.result.value;
    const t = this.t;
    if (!r) return html`<div role="status"></div>`;
    const q = this.question.value?.question.id === r.questionId ? this.question.value.question : null;
    const standing = this.standing.value;
    const last = standing?.last?.questionId === r.questionId ? standing.last : null;
    const poll = q?.kind === 'poll' || r.correct.length === 0;
    let verdict: string;
    let kind: 'correct' | 'incorrect' | 'neutral';
    let icon: string;
    if (poll) [verdict, kind, icon] = [t.resultPoll, 'neutral', '★'];
    else if (!last) [verdict, kind, icon] = ['', 'neutral', ''];
    else if (!last.answered) [verdict, kind, icon] = [t.resultNoAnswer, 'incorrect', '–'];
    else if (last.correct) [verdict, kind, icon] = [t.resultCorrect, 'correct', '✓'];
    else [verdict, kind, icon] = [t.resultIncorrect, 'incorrect', '✕'];
    const answer = q && !poll ? r.correct.map((i) => q.options[i]).join(', ') : '';
    return html`<div role="status" aria-live="polite">
      <section part="result" class="result card ${kind}">
        ${icon ? html`<span class="icon" aria-hidden="true">${icon}</span>` : nothing}
        ${verdict ? html`<p part="verdict">${verdict}</p>` : nothing}
        ${
          last && !poll
            ? html`<div class="details">
                <span part="points">${format(t.resultPoints, { points: last.points })}</span>
                ${last.streakBonus > 0 ? html`<span>${format(t.resultStreakBonus, { bonus: last.streakBonus })}</span>` : nothing}
                ${standing && standing.streak > 1 ? html`<span>${format(t.resultStreak, { streak: standing.streak })}</span>` : nothing}
              </div>`
            : nothing
        }
        ${
          standing
            ? html`<div class="details">
                <span>${format(t.resultScore, { score: standing.score })}</span>
                <span>${format(t.resultRank, { rank: standing.rank, total: standing.total })}</span>
              </div>`
            : nothing
        }
        ${answer ? html`<p part="answer" class="answer" dir="auto">${format(t.correctAnswerIs, { answer })}</p>` : nothing}
        ${r.explanation ? html`<p class="why" dir="auto">${format(t.explanation, { text: r.explanation })}</p>` : nothing}
      </section>
    </div>`;
  }
}
