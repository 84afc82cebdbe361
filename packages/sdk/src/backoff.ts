/** A reconnect delay policy: milliseconds to wait before reconnect attempt `attempt` (1, 2, …). */
export type Backoff = (attempt: number) => number;

/** Options of {@link exponentialBackoff}. */
export interface ExponentialBackoffOptions {
  /** Delay before the first retry, before jitter. @default 500 */
  baseMs?: number;
  /** Largest delay, before jitter. @default 30000 */
  maxMs?: number;
  /** Share of each delay that is randomised (0 = none, 1 = "full jitter"). @default 0.5 */
  jitter?: number;
  /** Source of randomness in [0, 1); inject a seeded one in tests. @default Math.random */
  random?: () => number;
}

/**
 * Capped exponential backoff with jitter, as a pure function of the attempt number.
 * Jitter spreads a crowd of clients that lost the same server, so they do not all come back
 * in the same millisecond.
 *
 * delay(n) = min(maxMs, baseMs · 2^(n−1)) · (1 − jitter · random())
 *
 * @example
 * const client = createQuizClient({ url, backoff: exponentialBackoff({ baseMs: 250, maxMs: 5000 }) });
 */
export function exponentialBackoff(options: ExponentialBackoffOptions = {}): Backoff {
  const { baseMs = 500, maxMs = 30_000, jitter = 0.5, random = Math.random } = options;
  return (attempt) => {
    const capped = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
    return Math.max(0, Math.round(capped * (1 - jitter * random())));
  };
}
