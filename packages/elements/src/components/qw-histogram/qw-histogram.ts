import { html, nothing } from 'lit';
import { format } from '../../i18n.js';
import { baseStyles } from '../../internal/base-styles.js';
import { QwElement } from '../../internal/qw-element.js';
import { shape } from '../../internal/shapes.js';
import { styles } from './qw-histogram.styles.js';

/**
 * Answer counts per option for the current question: live while it is open (host, screen,
 * or players when the game allows it), final after the reveal with the correct options marked
 * by a check and the word "correct", not by colour alone.
 *
 * @summary Live and final answer counts per option.
 * @tag qw-histogram
 *
 * @attr theme - `light`, `dark` or `auto`.
 * @prop {QuizClientLike} client - The client whose `$histogram`, `$result` and `$question` are shown.
 * @prop {Partial<Strings>} strings - Overrides for the English strings.
 *
 * @csspart histogram - The whole chart.
 * @csspart bar - One bar; correct bars also have the part `bar-correct`.
 * @csspart summary - The "answered of total" line.
 *
 * @cssprop [--qw-option-1=#b3261e] - Colour of option 1's bar; also --qw-option-2 … --qw-option-6.
 */
export class QwHistogram extends QwElement {
  static override styles = [baseStyles, styles];

  private histogram = this.bind((c) => c.$histogram);
  private result = this.bind((c) => c.$result);
  private question = this.bind((c) => c.$question);
  private session = this.bind((c) => c.$session);

  override render() {
    const q = this.question.value?.question;
    if (!q) return nothing;
    const t = this.t;
    const result = this.result.value?.questionId === q.id ? this.result.value : null;
    const live = this.histogram.value?.questionId === q.id ? this.histogram.value : null;
    const data = result ?? live;
    const counts = q.options.map((_, i) => data?.counts[i] ?? 0);
    const max = Math.max(1, ...counts);
    return html`<section part="histogram" class="card" aria-labelledby="h-title">
      <h3 id="h-title">${t.answersTitle}</h3>
      <p part="summary" class="summary" aria-live="polite">
        ${format(t.answeredOf, { answered: data?.answered ?? 0, total: data?.total ?? this.session.value?.playerCount ?? 0 })}
      </p>
      <ol>
        ${q.options.map((text, i) => {
          const count = counts[i] ?? 0;
          const correct = result?.correct.includes(i) ?? false;
          return html`<li class=${result && !correct && result.correct.length > 0 ? 'wrong' : ''}>
            <span class="c${i}">${shape(i)}</span>
            <span class="label"><span aria-hidden="true">${i + 1}. </span><bdi>${text}</bdi>
              ${correct ? html`<span class="mark"> ✓ ${t.correctMark}</span>` : nothing}</span>
            <span class="track" aria-hidden="true"><span part=${correct ? 'bar bar-correct' : 'bar'} class="b${i}" style="width:${(count / max) * 100}%"></span></span>
            <span class="count">${count === 1 ? t.votesOne : format(t.votes, { count })}</span>
          </li>`;
        })}
      </ol>
    </section>`;
  }
}
