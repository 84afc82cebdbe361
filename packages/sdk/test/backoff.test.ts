import { describe, expect, it } from 'vitest';
import { exponentialBackoff } from '../src/backoff.js';

describe('exponentialBackoff', () => {
  it('doubles from baseMs and stops growing at maxMs when jitter is off', () => {
    const delay = exponentialBackoff({ baseMs: 100, maxMs: 1000, jitter: 0 });
    expect([1, 2, 3, 4, 5, 6, 50].map(delay)).toEqual([100, 200, 400, 800, 1000, 1000, 1000]);
  });

  it('takes off at most the jitter share of each delay', () => {
    const lowest = exponentialBackoff({ baseMs: 1000, jitter: 0.5, random: () => 0.999999 });
    const highest = exponentialBackoff({ baseMs: 1000, jitter: 0.5, random: () => 0 });
    expect(lowest(1)).toBe(500);
    expect(highest(1)).toBe(1000);
  });

  it('is a pure function of the attempt and the random source', () => {
    const seq = [0.1, 0.7, 0.3];
    const make = () => {
      let i = 0;
      return exponentialBackoff({ random: () => seq[i++ % seq.length]! });
    };
    const a = make();
    const b = make();
    expect([1, 2, 3].map(a)).toEqual([1, 2, 3].map(b));
  });

  it('uses 500 ms doubling to 30 s with half jitter by default', () => {
    const delay = exponentialBackoff({ random: () => 0 });
    expect(delay(1)).toBe(500);
    expect(delay(100)).toBe(30_000);
    expect(exponentialBackoff({ random: () => 0.999999 })(1)).toBe(250);
  });

  it('never returns a negative or non-finite delay', () => {
    const delay = exponentialBackoff({ jitter: 5, random: () => 0.99 });
    for (const attempt of [0, 1, 1e6]) {
      expect(delay(attempt)).toBeGreaterThanOrEqual(0);
      expect(Number.isFinite(delay(attempt))).toBe(true);
    }
  });
});
