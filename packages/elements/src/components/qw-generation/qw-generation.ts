import type { Question } from '@quizwire/protocol';
import { html, nothing } from 'lit';
import type { GenerationValue } from '../../client.js';
import { format } from '../../i18n.js';
import { baseStyles } from '../../internal/base-styles.js';
import { QwElement } from '../../internal/qw-element.js';
import { styles } from './qw-generation.styles.js';

type Generated = NonNullable<GenerationValue['questions']>[number];
const unwrap = (g: Generated): { question: Question; source?: string } =>
  'prompt' in g ? { question: g } : g;

/**
 * Progress of AI question generation: how many questions are ready, how many came from the
 * model and how many from the question bank, and why generation stopped early if it did.
 * The host also sees each generated question as it arrives, with its correct answer.
 *
 * @summary AI generation progress as questions arrive.
 * @tag qw-generation
 *
 * @attr {boolean} hide-questions - Show only the progress, not the questions (default for players).
 * @attr theme - `light`, `dark` or `auto`.
 * @prop {QuizClientLike} client - The client whose `$generation` is shown.
 * @prop {Partial<Strings>} strings - Overrides for the English strings.
 *
 * @csspart progress - The progress bar.
 * @csspart questions - The list of generated questions.
 *
 * @cssprop [--qw-color-accent=#4433d6 / #a79fff] - Colour of the progress bar.
 */
export class QwGeneration extends QwElement {
  static override styles = [baseStyles, styles];
  static override properties = {
    ...QwElement.properties,
    hideQuestions: { attribute: 'hide-questions', type: Boolean },
  };

  declare hideQuestions: boolean;

  private generation = this.bind((c) => c.$generation);

  constructor() {
    super();
    this.hideQuestions = false;
  }

  override render() {
    const g = this.generation.value;
    if (!g) return nothing;
    const t = this.t;
    const percent = g.requested > 0 ? Math.round((g.ready / g.requested) * 100) : 0;
    const questions = this.hideQuestions ? [] : (g.questions ?? []).map(unwrap);
    return html`<section class="card stack" aria-labelledby="gen-title" aria-busy=${g.status === 'running' ? 'true' : 'false'}>
      <h3 id="gen-title">${t.generatingTitle}</h3>
      <div part="progress" role="progressbar" aria-labelledby="gen-title" aria-valuemin="0"
        aria-valuemax=${g.requested} aria-valuenow=${g.ready}
        aria-valuetext=${format(t.generationProgress, { ready: g.ready, requested: g.requested })}>
        <span style="width:${percent}%"></span>
      </div>
      <p role="status">
        ${format(t.generationProgress, { ready: g.ready, requested: g.requested })}.
        ${g.status === 'done' ? t.generationDone : ''}
      </p>
      <p class="muted">${format(t.generationSources, { fromModel: g.fromModel, fromBank: g.fromBank })}</p>
      ${
        g.status === 'failed' || g.reason
          ? html`<p class="failed" role="alert">${format(t.generationFailed, { reason: g.reason ?? '' })}</p>`
          : nothing
      }
      ${
        questions.length
          ? html`<ol part="questions">
              ${questions.map(
                ({ question, source }) => html`<li>
                  <span dir="auto">${question.prompt}</span>${source ? html`<span class="source">${source}</span>` : nothing}
                  <div class="options">
                    ${question.options.map(
                      (o, i) =>
                        html`${i > 0 ? ' · ' : ''}${
                          question.correct.includes(i)
                            ? html`<span class="right">✓ <bdi>${o}</bdi></span>`
                            : html`<bdi>${o}</bdi>`
                        }`,
                    )}
                  </div>
                </li>`,
              )}
            </ol>`
          : nothing
      }
    </section>`;
  }
}
