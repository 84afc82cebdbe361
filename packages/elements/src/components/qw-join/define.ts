/** Registers the `qw-join` tag (and the tags it renders) and exports its class. */
import { QwJoin } from './qw-join.js';

if (!customElements.get('qw-join')) customElements.define('qw-join', QwJoin);

declare global {
  interface HTMLElementTagNameMap {
    'qw-join': QwJoin;
  }
}

export { QwJoin };
