import { describe, expect, it } from 'vitest';
import { createClockSync } from '../src/clock.js';

describe('clock sync', () => {
  it('reads no offset before the first sample', () => {
    const clock = createClockSync();
    expect(clock.offset()).toBe(0);
    expect(clock.rtt()).toBeNull();
  });

  it('assumes the server read its clock halfway through the round trip', () => {
    const clock = createClockSync();
    // Sent at 1000, answered with server time 5050, received at 1100: midpoint 1050.
    clock.sample(1000, 5050, 1100);
    expect(clock.offset()).toBe(4000);
    expect(clock.rtt()).toBe(100);
  });

  it('trusts the sample with the lowest round trip, not the latest or the average', () => {
    const clock = createClockSync();
    clock.sample(0, 10_020, 40); // rtt 40 → offset 10000
    clock.sample(100, 10_400, 700); // rtt 600, delayed on the way back → offset 10000 - 100
    clock.sample(1000, 11_010, 1020); // rtt 20 → offset 10000
    clock.sample(2000, 12_500, 2900); // rtt 900
    expect(clock.rtt()).toBe(20);
    expect(clock.offset()).toBe(10_000);
  });

  it('forgets samples older than its window', () => {
    const clock = createClockSync(2);
    clock.sample(0, 5, 10); // rtt 10, the best, soon out of the window
    clock.sample(100, 1150, 200); // rtt 100
    clock.sample(200, 1260, 320); // rtt 120
    expect(clock.rtt()).toBe(100);
    expect(clock.offset()).toBe(1000);
  });

  it('ignores a sample whose round trip is negative (a clock step)', () => {
    const clock = createClockSync();
    clock.sample(1000, 5000, 900);
    expect(clock.rtt()).toBeNull();
  });
});
