import { parseServerMessage } from '@quizwire/protocol/schemas';
import { expect } from 'vitest';
import type { TestClient } from './client.js';

/** Every message the client received matches the protocol's server schemas. */
export function expectAllValid(client: TestClient): void {
  for (const m of client.log) {
    const parsed = parseServerMessage(m);
    expect(parsed.ok, `${m.type}: ${parsed.ok ? '' : parsed.message}`).toBe(true);
  }
  expect(client.garbage).toEqual([]);
}

/**
 * The client's sequenced events form one gap-free run after its first snapshot: events before
 * the snapshot are at most its seq, every later one is the previous plus one.
 */
export function expectGapFree(client: TestClient): void {
  const at = client.log.findIndex((m) => m.type === 'session.snapshot');
  expect(at).toBeGreaterThanOrEqual(0);
  const snapSeq = client.log[at]!.seq as number;
  for (const m of client.log.slice(0, at))
    if (typeof m.seq === 'number') expect(m.seq).toBeLessThanOrEqual(snapSeq);
  let last = snapSeq;
  for (const m of client.sequenced(at + 1)) {
    expect(m.seq, `${m.type} after seq ${last}`).toBe(last + 1);
    last = m.seq;
  }
}
