/** Registers the `qw-question` tag (and the tags it renders) and exports its class. */
import { QwQuestion } from './qw-question.js';

if (!customElements.get('qw-question')) customElements.define('qw-question', QwQuestion);

declare global {
  interface HTMLElementTagNameMap {
    'qw-question': QwQuestion;
  }
}

export { QwQuestion };
