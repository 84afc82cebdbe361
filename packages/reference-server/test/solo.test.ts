import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectAllValid, expectGapFree } from './helpers/assert.js';
import { type Harness, q, startHarness, type TestClient } from './helpers/client.js';

const COUNTDOWN = 1000; // solo default
const REVEAL = 3000; // solo default

const quiz = {
  title: 'Practice',
  questions: [q('s1'), q('s2', { correct: [2] }), q('s3', { correct: [0] })],
};

describe('a solo game', () => {
  let h: Harness;
  let c: TestClient;
  let code: string;
  beforeEach(async () => {
    h = await startHarness();
    c = await h.connect();
    const created = await c.ok({ type: 'session.create', mode: 'solo', nickname: 'Solo', quiz });
    expect(created).toMatchObject({ role: 'player', nickname: 'Solo' });
    code = created.code;
  });
  afterEach(async () => {
    await h.stop();
  });

  it('starts the game as soon as the room is created', async () => {
    const next = await c.event('question.next');
    expect(next).toMatchObject({ index: 0, total: 3, opensAt: h.clock.now() + COUNTDOWN });
    const types = c.log.map((m) => m.type);
    expect(types.slice(0, 2)).toEqual(['ack', 'session.snapshot']);
    expect(c.log[1]!.phase).toBe('lobby');
    expectGapFree(c);
  });

  it('closes the question as soon as the player answers', async () => {
    const next = await c.event('question.next');
    h.clock.advance(COUNTDOWN + 2000);
    await c.ok({ type: 'answer.submit', questionId: 's1', choice: [1] });
    expect(await c.event('question.result')).toMatchObject({ questionId: 's1', answered: 1, total: 1 });
    expect(h.clock.now()).toBeLessThan(next.deadline);
    expect((await c.event('player.standing')).last).toMatchObject({ correct: true, points: 900 });
  });

  it('moves on by itself after the reveal, without a leaderboard', async () => {
    await c.event('question.next');
    h.clock.advance(COUNTDOWN);
    await c.ok({ type: 'answer.submit', questionId: 's1', choice: [1] });
    await c.event('question.result');
    const mark = c.mark();
    h.clock.advance(REVEAL);
    expect((await c.event('question.next', mark)).index).toBe(1);
    expect(c.log.slice(mark).some((m) => m.type === 'leaderboard')).toBe(false);
  });

  it('lets the player skip the reveal wait with question.next, then finishes', async () => {
    await c.event('question.next');
    for (const [i, id] of ['s1', 's2', 's3'].entries()) {
      await c.waitFor((m) => m.type === 'question.next' && m.index === i);
      h.clock.advance(COUNTDOWN);
      const mark = c.mark();
      await c.ok({ type: 'answer.submit', questionId: id, choice: [0] });
      await c.event('question.result', mark);
      await c.ok({ type: 'question.next' }); // no clock advance: the skip does it
    }
    const finished = await c.event('quiz.finished');
    // Only s3 was right (choice 0), answered the instant it opened.
    expect(finished.podium).toEqual([
      { playerId: expect.any(String), nickname: 'Solo', score: 1000, rank: 1 },
    ]);
    expect((await c.fails({ type: 'question.next' })).code).toBe('WRONG_PHASE');
    expectAllValid(c);
    expectGapFree(c);
  });

  it('plays a bank quiz when none is given', async () => {
    const d = await h.connect();
    await d.ok({ type: 'session.create', mode: 'solo', nickname: 'Banker' });
    expect((await d.event('question.next')).total).toBe(10);
  });

  it('lets nobody join (ROOM_FULL)', async () => {
    const other = await h.connect();
    expect((await other.fails({ type: 'session.join', code, nickname: 'Intruder' })).code).toBe('ROOM_FULL');
  });
});
