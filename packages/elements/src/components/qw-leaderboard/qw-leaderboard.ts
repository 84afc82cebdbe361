import type { RankedPlayer } from '@quizwire/protocol';
import { html, nothing } from 'lit';
import { format } from '../../i18n.js';
import { baseStyles } from '../../internal/base-styles.js';
import { QwElement } from '../../internal/qw-element.js';
import { styles } from './qw-leaderboard.styles.js';

/**
 * The top N players, and the player's own rank when they are not among them (the server
 * never sends the full list). Your own row is marked with the word "you", not only a border.
 *
 * @summary Top N ranking plus your own rank.
 * @tag qw-leaderboard
 *
 * @attr {'live' | 'final'} source - `live` shows `$leaderboard`, `final` the final ranking of `$finished`.
 * @attr {number} limit - Show at most this many rows.
 * @attr theme - `light`, `dark` or `auto`.
 * @prop {QuizClientLike} client - The client whose stores are shown.
 * @prop {Partial<Strings>} strings - Overrides for the English strings.
 *
 * @csspart leaderboard - The whole board.
 * @csspart row - One player's row.
 * @csspart me - The line with your own rank.
 *
 * @cssprop [--qw-color-accent=#4433d6 / #a79fff] - Border of your own row.
 */
export class QwLeaderboard extends QwElement {
  static override styles = [baseStyles, styles];
  static override properties = {
    ...QwElement.properties,
    source: {},
    limit: { type: Number },
  };

  declare source: 'live' | 'final';
  declare limit: number | undefined;

  private leaderboard = this.bind((c) => c.$leaderboard);
  private finished = this.bind((c) => c.$finished);
  private standing = this.bind((c) => c.$standing);
  private session = this.bind((c) => c.$session);

  constructor() {
    super();
    this.source = 'live';
  }

  override render() {
    const board = this.source === 'final' ? this.finished.value : (this.leaderboard.value ?? null);
    if (!board) return nothing;
    const t = this.t;
    const me = this.session.value?.me?.playerId;
    const rows: RankedPlayer[] = this.limit ? board.top.slice(0, this.limit) : board.top;
    const standing = this.standing.value;
    const listed = rows.some((p) => p.playerId === me);
    return html`<section part="leaderboard" class="card" aria-labelledby="lb-title">
      <h3 id="lb-title">${t.leaderboardTitle}</h3>
      <ol>
        ${rows.map(
          (p) => html`<li part="row" class=${p.playerId === me ? 'me' : ''}>
            <span class="rank" aria-label=${format(t.rankLabel, { rank: p.rank })}>#${p.rank}</span>
            <span class="name"><bdi>${p.nickname}</bdi>${p.playerId === me ? html` <span class="tag">(${t.you})</span>` : nothing}</span>
            <span class="score">${format(t.points, { score: p.score })}</span>
          </li>`,
        )}
      </ol>
      ${
        me && standing && !listed
          ? html`<p part="me">${format(t.yourRank, { rank: standing.rank, total: standing.total, score: standing.score })}</p>`
          : nothing
      }
    </section>`;
  }
}
