/** Registers the `qw-host` tag (and the tags it renders) and exports its class. */
import '../qw-connection/define.js';
import '../qw-join/define.js';
import '../qw-lobby/define.js';
import '../qw-question/define.js';
import '../qw-histogram/define.js';
import '../qw-result/define.js';
import '../qw-leaderboard/define.js';
import '../qw-podium/define.js';
import '../qw-generation/define.js';
import '../qw-duel/define.js';
import '../qw-solo/define.js';
import { QwHost } from './qw-host.js';

if (!customElements.get('qw-host')) customElements.define('qw-host', QwHost);

declare global {
  interface HTMLElementTagNameMap {
    'qw-host': QwHost;
  }
}

export { QwHost };
