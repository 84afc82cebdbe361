import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type Harness,
  hostClassic,
  type Joined,
  joinAs,
  startHarness,
  type TestClient,
  until,
} from './helpers/client.js';

const COUNTDOWN = 3000;
const ABUSE_THRESHOLD = 20;
const BURST = 10;

describe('abusive clients', () => {
  let h: Harness;
  let host: TestClient;
  let victim: Joined;
  let attacker: Joined;

  beforeEach(async () => {
    h = await startHarness({ abuseThreshold: ABUSE_THRESHOLD, rateLimitBurst: BURST, rateLimitPerSecond: 5 });
    const room = await hostClassic(h);
    host = room.host;
    victim = await joinAs(h, room.code, 'Victim');
    attacker = await joinAs(h, room.code, 'Attacker');
    await host.ok({ type: 'quiz.start' });
    await victim.client.event('question.next');
    h.clock.advance(COUNTDOWN);
  });
  afterEach(async () => {
    await h.stop();
  });

  /** The other player still gets events and can answer; the host still sees the histogram. */
  async function othersUnaffected(): Promise<void> {
    const mark = host.mark();
    h.clock.advance(1000); // refill the victim's bucket too, as real time would
    await victim.client.ok({ type: 'answer.submit', questionId: 'q1', choice: [1] });
    expect(await host.event('histogram', mark)).toMatchObject({ answered: 1 });
    // With the attacker gone the victim was the last to answer and the question closed by itself.
    if (attacker.client.closeInfo === null) await host.ok({ type: 'question.close' });
    expect(await victim.client.event('question.result')).toMatchObject({ questionId: 'q1', answered: 1 });
    const health = await fetch(`${h.server.httpUrl}/health`);
    expect(health.status).toBe(200);
  }

  it('answers malformed JSON with BAD_MESSAGE and keeps serving the room', async () => {
    const from = attacker.client.mark();
    for (const junk of [
      '{',
      'null',
      '[]',
      '"str"',
      '{"type":7}',
      '{"type":"answer.submit","id":"x"}',
      '\u0000\u0001',
    ]) {
      attacker.client.send(junk);
    }
    const errors = await attacker.client.waitForCount((m) => m.type === 'error', 7, from);
    expect(errors.map((m) => m.code)).toEqual(Array(7).fill('BAD_MESSAGE'));
    expect(attacker.client.closeInfo).toBeNull();
    await othersUnaffected();
  });

  it('refuses binary frames with BAD_MESSAGE', async () => {
    attacker.client.ws.send(Buffer.from(JSON.stringify({ type: 'ping', t: 1 })), { binary: true });
    expect(await attacker.client.event('error')).toMatchObject({
      code: 'BAD_MESSAGE',
      message: expect.stringMatching(/binary/),
    });
    await attacker.client.sync();
    await othersUnaffected();
  });

  it('closes a connection that sends a frame over the limit with 1009', async () => {
    attacker.client.send('x'.repeat(h.server.config.maxFrameBytes + 1));
    expect((await attacker.client.closed).code).toBe(1009);
    await until(() => h.server.connectionCount === 2);
    await othersUnaffected();
    // The dropped player is only disconnected, not removed: the seat waits for a resume.
    expect([...h.server.rooms.rooms()][0]!.playerCount).toBe(2);
  });

  it('rate-limits a flood, then closes the connection with 1008 after the abuse threshold', async () => {
    const from = attacker.client.mark();
    for (let i = 0; i < BURST + ABUSE_THRESHOLD + 5; i++) attacker.client.send({ type: 'ping', t: i });
    const closed = await attacker.client.closed;
    expect(closed.code).toBe(1008);
    await until(() => h.server.connectionCount === 2);
    const replies = attacker.client.log.slice(from).filter((m) => m.type === 'pong' || m.type === 'error');
    expect(replies.slice(0, BURST).every((m) => m.type === 'pong')).toBe(true);
    const limited = replies.filter((m) => m.type === 'error');
    expect(limited.length).toBe(ABUSE_THRESHOLD);
    expect(limited.every((m) => m.code === 'RATE_LIMITED')).toBe(true);
    await othersUnaffected();
    expect(h.server.connectionCount).toBe(2);
  });

  it('closes a connection that keeps sending junk with 1008', async () => {
    for (let i = 0; i < ABUSE_THRESHOLD; i++) {
      h.clock.advance(200); // never rate-limited: only the junk counts
      const mark = attacker.client.mark();
      attacker.client.send('{junk');
      await attacker.client.event('error', mark);
    }
    expect((await attacker.client.closed).code).toBe(1008);
    await until(() => h.server.connectionCount === 2);
    await othersUnaffected();
  });

  it('does not count valid traffic toward the abuse threshold', async () => {
    for (let i = 0; i < ABUSE_THRESHOLD * 2; i++) {
      h.clock.advance(200);
      await attacker.client.sync();
    }
    expect(attacker.client.closeInfo).toBeNull();
  });
});
