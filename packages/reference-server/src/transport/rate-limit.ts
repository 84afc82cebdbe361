import type { Clock } from '../clock.js';

/**
 * A token bucket: `burst` tokens, refilled at `perSecond`. Each message takes one token;
 * with none left the message is refused.
 */
export class TokenBucket {
  #tokens: number;
  #updatedAt: number;

  constructor(
    private readonly clock: Clock,
    private readonly perSecond: number,
    private readonly burst: number,
  ) {
    this.#tokens = burst;
    this.#updatedAt = clock.now();
  }

  /** Take a token if one is left. */
  take(): boolean {
    const now = this.clock.now();
    const elapsed = Math.max(0, now - this.#updatedAt);
    this.#updatedAt = now;
    this.#tokens = Math.min(this.burst, this.#tokens + (elapsed * this.perSecond) / 1000);
    if (this.#tokens < 1) return false;
    this.#tokens -= 1;
    return true;
  }
}
