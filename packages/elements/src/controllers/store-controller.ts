import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ReadableStore } from '../client.js';

/**
 * Binds a host element to a read-only store: subscribes while the host is connected,
 * unsubscribes when it leaves the DOM, and asks the host to render on every change.
 *
 * The store is looked up through a function rather than passed once, because the store's
 * owner (the client) is itself a property that an app may set after the element connected;
 * the controller notices a different store before each update and moves its subscription.
 *
 * @example
 * ```ts
 * private question = new StoreController(this, () => this.client?.$question);
 * render() { return html`${this.question.value?.question.prompt}`; }
 * ```
 */
export class StoreController<T> implements ReactiveController {
  private store: ReadableStore<T> | undefined;
  private unsubscribe: (() => void) | undefined;
  private current: T | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly select: () => ReadableStore<T> | undefined,
  ) {
    host.addController(this);
  }

  /** The store's latest value, or `undefined` while no store is bound. */
  get value(): T | undefined {
    return this.current;
  }

  hostConnected(): void {
    this.bind(this.select());
  }

  hostUpdate(): void {
    const next = this.select();
    if (next !== this.store) this.bind(next);
  }

  hostDisconnected(): void {
    this.unbind();
  }

  private bind(store: ReadableStore<T> | undefined): void {
    this.unbind();
    this.store = store;
    if (!store) {
      this.current = undefined;
      return;
    }
    // nanostores calls back synchronously with the current value; later calls are changes.
    this.unsubscribe = store.subscribe((value) => {
      this.current = value;
      this.host.requestUpdate();
    });
    this.current = store.get();
  }

  private unbind(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.store = undefined;
  }
}
