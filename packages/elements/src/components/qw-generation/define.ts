/** Registers the `qw-generation` tag (and the tags it renders) and exports its class. */
import { QwGeneration } from './qw-generation.js';

if (!customElements.get('qw-generation')) customElements.define('qw-generation', QwGeneration);

declare global {
  interface HTMLElementTagNameMap {
    'qw-generation': QwGeneration;
  }
}

export { QwGeneration };
