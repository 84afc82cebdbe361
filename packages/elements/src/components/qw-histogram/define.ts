/** Registers the `qw-histogram` tag (and the tags it renders) and exports its class. */
import { QwHistogram } from './qw-histogram.js';

if (!customElements.get('qw-histogram')) customElements.define('qw-histogram', QwHistogram);

declare global {
  interface HTMLElementTagNameMap {
    'qw-histogram': QwHistogram;
  }
}

export { QwHistogram };
