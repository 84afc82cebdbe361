/** Registers the `qw-lobby` tag (and the tags it renders) and exports its class. */
import { QwLobby } from './qw-lobby.js';

if (!customElements.get('qw-lobby')) customElements.define('qw-lobby', QwLobby);

declare global {
  interface HTMLElementTagNameMap {
    'qw-lobby': QwLobby;
  }
}

export { QwLobby };
