/** Registers the `qw-connection` tag (and the tags it renders) and exports its class. */
import { QwConnection } from './qw-connection.js';

if (!customElements.get('qw-connection')) customElements.define('qw-connection', QwConnection);

declare global {
  interface HTMLElementTagNameMap {
    'qw-connection': QwConnection;
  }
}

export { QwConnection };
