/** Registers the `qw-podium` tag (and the tags it renders) and exports its class. */
import { QwPodium } from './qw-podium.js';

if (!customElements.get('qw-podium')) customElements.define('qw-podium', QwPodium);

declare global {
  interface HTMLElementTagNameMap {
    'qw-podium': QwPodium;
  }
}

export { QwPodium };
