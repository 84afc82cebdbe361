/** One ping/pong round trip. */
interface Sample {
  rtt: number;
  offset: number;
}

/** Estimates the server clock from ping/pong round trips. */
export interface ClockSync {
  /** Record a pong: `sentAt` is the ping's `t`, `serverTime` the pong's, `receivedAt` local now. */
  sample(sentAt: number, serverTime: number, receivedAt: number): void;
  /** Estimated `serverTime − localTime` in ms (0 before the first sample). */
  offset(): number;
  /** Round trip of the sample the estimate rests on, or `null` before the first sample. */
  rtt(): number | null;
}

/**
 * Keep the last `size` samples and trust the one with the lowest round trip: its midpoint
 * assumption (the server read its clock halfway through) has the smallest possible error,
 * ±rtt/2, whereas averaging would mix in samples delayed by a busy network.
 *
 * @param size samples kept. @default 8
 */
export function createClockSync(size = 8): ClockSync {
  const samples: Sample[] = [];
  let best: Sample | null = null;
  return {
    sample(sentAt, serverTime, receivedAt) {
      const rtt = receivedAt - sentAt;
      if (!(rtt >= 0)) return;
      samples.push({ rtt, offset: serverTime - (sentAt + rtt / 2) });
      if (samples.length > size) samples.shift();
      best = samples.reduce((a, b) => (b.rtt < a.rtt ? b : a));
    },
    offset: () => (best ? Math.round(best.offset) : 0),
    rtt: () => (best ? best.rtt : null),
  };
}
