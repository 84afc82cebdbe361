/** Registers the `qw-result` tag (and the tags it renders) and exports its class. */
import { QwResult } from './qw-result.js';

if (!customElements.get('qw-result')) customElements.define('qw-result', QwResult);

declare global {
  interface HTMLElementTagNameMap {
    'qw-result': QwResult;
  }
}

export { QwResult };
