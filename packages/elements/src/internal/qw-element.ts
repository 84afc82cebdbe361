import { LitElement } from 'lit';
import type { QuizClientLike, ReadableStore } from '../client.js';
import { StoreController } from '../controllers/store-controller.js';
import { defaultStrings, errorMessage, type Strings } from '../i18n.js';

/**
 * Base of every Quizwire element: the `client` it binds to, the `strings` it shows and the
 * `theme` it follows. Not registered as a tag.
 */
export class QwElement extends LitElement {
  static override properties = {
    client: { attribute: false },
    strings: { type: Object },
    theme: { reflect: true },
  };

  /** The quiz client whose stores this element shows. Composites hand theirs down. */
  declare client: QuizClientLike | undefined;
  /** Overrides for any of the English strings; a JSON object as an attribute. */
  declare strings: Partial<Strings> | undefined;
  /** `light`, `dark` or `auto` (follow the OS); unset follows the page's `color-scheme`. */
  declare theme: 'light' | 'dark' | 'auto' | undefined;

  private mergedFrom: Partial<Strings> | undefined;
  private merged: Strings = defaultStrings;

  /** The strings in effect: the defaults with this element's overrides on top. */
  protected get t(): Strings {
    if (this.strings !== this.mergedFrom) {
      this.mergedFrom = this.strings;
      this.merged = this.strings ? { ...defaultStrings, ...this.strings } : defaultStrings;
    }
    return this.merged;
  }

  /** Binds one of the client's stores; follows the client when it changes. */
  protected bind<T>(select: (client: QuizClientLike) => ReadableStore<T>): StoreController<T> {
    return new StoreController(this, () => (this.client ? select(this.client) : undefined));
  }

  /** A person-readable message for anything a client command rejected with. */
  protected describeError(error: unknown): string {
    const code =
      error && typeof error === 'object' && 'code' in error && typeof error.code === 'string'
        ? error.code
        : 'INTERNAL';
    return errorMessage(this.t, code);
  }

  /** Dispatches a bubbling, composed event; returns false when a listener prevented it. */
  protected emit<T>(type: string, detail: T, cancelable = false): boolean {
    return this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable }));
  }
}
