/** Registers the `qw-duel` tag (and the tags it renders) and exports its class. */
import '../qw-connection/define.js';
import '../qw-join/define.js';
import '../qw-lobby/define.js';
import '../qw-question/define.js';
import '../qw-histogram/define.js';
import '../qw-result/define.js';
import '../qw-leaderboard/define.js';
import '../qw-podium/define.js';
import '../qw-generation/define.js';
import { QwDuel } from './qw-duel.js';

if (!customElements.get('qw-duel')) customElements.define('qw-duel', QwDuel);

declare global {
  interface HTMLElementTagNameMap {
    'qw-duel': QwDuel;
  }
}

export { QwDuel };
