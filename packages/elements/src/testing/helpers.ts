import { aTimeout, expect } from '@open-wc/testing';

/** Waits until `check` passes (for promises the element awaits internally). */
export async function until(check: () => boolean, timeout = 1000): Promise<void> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > timeout) throw new Error('condition not met in time');
    await aTimeout(10);
  }
}

/** Shadow-root query that fails loudly. */
export function $<T extends Element = HTMLElement>(el: Element, selector: string): T {
  const found = el.shadowRoot?.querySelector<T>(selector);
  if (!found) throw new Error(`${selector} not found in <${el.localName}>`);
  return found;
}

export function $$<T extends Element = HTMLElement>(el: Element, selector: string): T[] {
  return [...(el.shadowRoot?.querySelectorAll<T>(selector) ?? [])];
}

/** Visible text of an element's shadow root, whitespace collapsed. */
export function text(el: Element): string {
  return (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Runs axe on the element (shadow DOM included). */
export async function expectAccessible(el: Element): Promise<void> {
  await expect(el).to.be.accessible();
}

export function key(target: EventTarget, k: string): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true, cancelable: true });
  target.dispatchEvent(event);
  return event;
}
