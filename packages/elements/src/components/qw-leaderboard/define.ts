/** Registers the `qw-leaderboard` tag (and the tags it renders) and exports its class. */
import { QwLeaderboard } from './qw-leaderboard.js';

if (!customElements.get('qw-leaderboard')) customElements.define('qw-leaderboard', QwLeaderboard);

declare global {
  interface HTMLElementTagNameMap {
    'qw-leaderboard': QwLeaderboard;
  }
}

export { QwLeaderboard };
