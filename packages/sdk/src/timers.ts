/**
 * The timer functions the SDK uses, injectable so tests drive time instead of sleeping.
 * @default globalThis.setTimeout / clearTimeout / Date.now
 */
export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
}

/** The platform's timers, bound late so test fakes installed on globalThis are honoured. */
export const systemTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  now: () => Date.now(),
};
