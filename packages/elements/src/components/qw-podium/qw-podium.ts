import { html, nothing } from 'lit';
import { format } from '../../i18n.js';
import { baseStyles } from '../../internal/base-styles.js';
import { QwElement } from '../../internal/qw-element.js';
import { styles } from './qw-podium.styles.js';

/**
 * The final podium: the top three with a medal, place in words ("1st") and score. Shown in
 * the visual order 2-1-3 while the reading order stays 1-2-3. The rise animation is off
 * when the user prefers reduced motion.
 *
 * @summary Final top three.
 * @tag qw-podium
 *
 * @attr theme - `light`, `dark` or `auto`.
 * @prop {QuizClientLike} client - The client whose `$finished` is shown.
 * @prop {Partial<Strings>} strings - Overrides for the English strings.
 *
 * @csspart podium - The whole podium.
 * @csspart place - One place (also `place-1`, `place-2`, `place-3`).
 * @csspart step - The coloured step under a name.
 *
 * @cssprop [--qw-color-accent=#4433d6 / #a79fff] - Colour of the steps.
 * @cssprop [--qw-medal-1=#f2c94c] - Gold medal; also --qw-medal-2 (#cfd4dc) and --qw-medal-3 (#d99a62).
 */
export class QwPodium extends QwElement {
  static override styles = [baseStyles, styles];

  private finished = this.bind((c) => c.$finished);
  private session = this.bind((c) => c.$session);

  override render() {
    const f = this.finished.value;
    if (!f) return nothing;
    const t = this.t;
    const me = this.session.value?.me?.playerId;
    const places = [t.place1, t.place2, t.place3];
    return html`<section part="podium" aria-labelledby="podium-title">
      <h2 id="podium-title">${t.podiumTitle}</h2>
      <ol>
        ${f.podium.slice(0, 3).map(
          (p, i) => html`<li part="place place-${i + 1}" class="p${i + 1}">
            <span class="medal m${Math.min(p.rank, 3)}" aria-hidden="true">${p.rank}</span>
            <span class="name"><bdi>${p.nickname}</bdi>${p.playerId === me ? html` <span class="tag">(${t.you})</span>` : nothing}</span>
            <span>${format(t.points, { score: p.score })}</span>
            <span part="step" class="step">${places[p.rank - 1] ?? places[i]}</span>
          </li>`,
        )}
      </ol>
    </section>`;
  }
}
