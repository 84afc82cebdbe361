import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, hostClassic, joinAs, nextId, startHarness } from './helpers/client.js';

const COUNTDOWN = 3000;

describe('delivery guarantees', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.stop();
  });

  async function openQuestion() {
    const { host, code } = await hostClassic(h);
    const a = await joinAs(h, code, 'Ann');
    const b = await joinAs(h, code, 'Ben');
    await host.ok({ type: 'quiz.start' });
    await host.event('question.next');
    h.clock.advance(COUNTDOWN + 1000);
    return { host, a, b };
  }

  it('scores an answer resent five times once, with five identical acks', async () => {
    const { host, a } = await openQuestion();
    const id = nextId('answer');
    const from = a.client.mark();
    const answeredAt = h.clock.now();
    await a.client.request({ type: 'answer.submit', id, questionId: 'q1', choice: [1] });
    for (let i = 0; i < 4; i++) {
      h.clock.advance(100); // later copies arrive later: the original receive time still stands
      await a.client.request({ type: 'answer.submit', id, questionId: 'q1', choice: [i % 4] });
    }
    const acks = await a.client.waitForCount((m) => m.id === id, 5, from);
    expect(acks.every((m) => m.type === 'ack')).toBe(true);
    const frames = a.client.frames.filter((_, i) => i >= from && a.client.log[i]!.id === id);
    expect(new Set(frames).size).toBe(1);
    expect(acks[0]!.result.receivedAt).toBe(answeredAt);
    await host.sync();
    const histograms = host.all('histogram');
    expect(histograms).toHaveLength(1);
    expect(histograms[0]).toMatchObject({ answered: 1, counts: [0, 1, 0, 0] });
    await host.ok({ type: 'question.close' });
    expect(await host.event('question.result')).toMatchObject({ answered: 1, counts: [0, 1, 0, 0] });
    expect((await a.client.event('player.standing')).score).toBe(950);
  });

  it('returns the original ack to an answer resent after a reconnect and resume', async () => {
    const { host, a } = await openQuestion();
    const id = nextId('answer');
    const ack = await a.client.ok({ type: 'answer.submit', id, questionId: 'q1', choice: [1] });
    const original = a.client.frames.find((f) => f.includes(`"id":"${id}"`));
    await a.client.drop();
    h.clock.advance(2000);
    const again = await h.connect();
    await again.ok({ type: 'session.resume', resumeToken: a.token, lastSeq: -1 });
    const from = again.mark();
    const reply = await again.request({ type: 'answer.submit', id, questionId: 'q1', choice: [3] });
    expect(reply).toEqual({ type: 'ack', id, result: ack });
    expect(again.frames[again.log.indexOf(reply as never, from)]).toBe(original);
    await host.ok({ type: 'question.close' });
    expect(await host.event('question.result')).toMatchObject({ answered: 1, counts: [0, 1, 0, 0] });
  });

  it('remembers an error like an ack: a resend gets the original error even when it would now succeed', async () => {
    const { host, code } = await hostClassic(h);
    const a = await joinAs(h, code, 'Ann');
    await host.ok({ type: 'quiz.start' });
    await a.client.event('question.next');
    const id = nextId('early');
    const early = await a.client.request({ type: 'answer.submit', id, questionId: 'q1', choice: [1] });
    expect(early).toMatchObject({ type: 'error', code: 'WRONG_PHASE' });
    h.clock.advance(COUNTDOWN);
    expect(await a.client.request({ type: 'answer.submit', id, questionId: 'q1', choice: [1] })).toEqual(
      early,
    );
    // A new id is a new command.
    await a.client.ok({ type: 'answer.submit', questionId: 'q1', choice: [1] });
  });

  it('answers every command exactly once, whatever the outcome', async () => {
    const { host, a } = await openQuestion();
    const commands: Array<Record<string, unknown>> = [
      { type: 'answer.submit', questionId: 'q1', choice: [0] },
      { type: 'answer.submit', questionId: 'q1', choice: [1] },
      { type: 'answer.submit', questionId: 'nope', choice: [1] },
      { type: 'answer.submit', questionId: 'q1', choice: [9] },
      { type: 'quiz.start' },
      { type: 'question.next' },
      { type: 'player.kick', playerId: 'p_x' },
      { type: 'session.join', code: 'ZZZZZZ', nickname: 'x' },
      { type: 'session.resume', resumeToken: 'bogus', lastSeq: 0 },
      { type: 'answer.submit', questionId: 'q1' },
      { type: 'no.such.type' },
    ];
    const ids = commands.map(() => nextId('once'));
    const from = a.client.mark();
    for (const [i, c] of commands.entries()) a.client.send({ ...c, id: ids[i] });
    await a.client.sync();
    const replies = a.client.log.slice(from).filter((m) => m.type === 'ack' || m.type === 'error');
    expect(replies.map((m) => m.id)).toEqual(ids);
    // The host's own commands, interleaved with a question closing, are answered once each too.
    const hostIds = [nextId('h'), nextId('h'), nextId('h')];
    const hostFrom = host.mark();
    host.send({ type: 'question.close', id: hostIds[0] });
    host.send({ type: 'question.close', id: hostIds[1] });
    host.send({ type: 'question.next', id: hostIds[2] });
    await host.sync();
    const hostReplies = host.log.slice(hostFrom).filter((m) => m.type === 'ack' || m.type === 'error');
    expect(hostReplies.map((m) => [m.id, m.type, m.code])).toEqual([
      [hostIds[0], 'ack', undefined],
      [hostIds[1], 'error', 'WRONG_PHASE'],
      [hostIds[2], 'ack', undefined],
    ]);
  });

  it('sends the events a command causes after its ack', async () => {
    const { host, code } = await hostClassic(h);
    await joinAs(h, code, 'Ann');
    const from = host.mark();
    const id = nextId('start');
    host.send({ type: 'quiz.start', id });
    const next = await host.event('question.next', from);
    const ackAt = host.log.findIndex((m, i) => i >= from && m.id === id);
    expect(ackAt).toBeGreaterThanOrEqual(from);
    expect(ackAt).toBeLessThan(host.log.indexOf(next));
  });
});
