import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectAllValid, expectGapFree } from './helpers/assert.js';
import { type Harness, q, startHarness, type TestClient } from './helpers/client.js';

const COUNTDOWN = 3000;
const REVEAL = 5000;
const GRACE = 300;
const DUEL_GRACE = 30_000;

const quiz = { title: 'Duel', questions: [q('d1'), q('d2', { correct: [3] })] };

describe('a duel', () => {
  let h: Harness;
  let a: TestClient;
  let b: TestClient;
  let code: string;
  let aId: string;
  let bId: string;
  let bToken: string;

  beforeEach(async () => {
    h = await startHarness();
    a = await h.connect();
    const created = await a.ok({ type: 'session.create', mode: 'duel', nickname: 'Alpha', quiz });
    expect(created).toMatchObject({ role: 'player', nickname: 'Alpha' });
    code = created.code;
    aId = created.playerId;
    expect((await a.event('session.snapshot')).phase).toBe('lobby');
  });
  afterEach(async () => {
    await h.stop();
  });

  async function joinSecond(): Promise<void> {
    b = await h.connect();
    const joined = await b.ok({ type: 'session.join', code, nickname: 'Bravo' });
    bId = joined.playerId;
    bToken = joined.resumeToken;
  }

  it('starts by itself when the second player joins, and both get the same question at the same time', async () => {
    const markA = a.mark();
    await joinSecond();
    const qa = await a.event('question.next', markA);
    const qb = await b.event('question.next');
    expect(qa).toEqual(qb);
    expect(qa).toMatchObject({ index: 0, total: 2, opensAt: h.clock.now() + COUNTDOWN });
    // The joiner's ack and snapshot come before the first question.
    const order = b.log.map((m) => m.type);
    expect(order.indexOf('ack')).toBeLessThan(order.indexOf('question.next'));
    expect(order.indexOf('session.snapshot')).toBeLessThan(order.indexOf('question.next'));
  });

  it('refuses a third player with ROOM_FULL', async () => {
    await joinSecond();
    const c = await h.connect();
    expect((await c.fails({ type: 'session.join', code, nickname: 'Charlie' })).code).toBe('ROOM_FULL');
    expect((await c.fails({ type: 'session.join', code, nickname: 'Delta', id: 'other' })).code).toBe(
      'ROOM_FULL',
    );
  });

  it('refuses a third player even before the game has started moving (two seats only)', async () => {
    // Both seats taken at once: the duel starts; a third join is refused with ROOM_FULL too.
    await joinSecond();
    await a.event('question.next');
    const c = await h.connect();
    expect((await c.fails({ type: 'session.join', code, friendlyName: true })).code).toBe('ROOM_FULL');
  });

  it('tells the other player opponent.left with a grace deadline, and opponent.returned on resume', async () => {
    await joinSecond();
    const next = await a.event('question.next');
    h.clock.advance(COUNTDOWN);
    await b.sync();
    const lastSeq = Math.max(...b.sequenced().map((m) => m.seq as number));
    let mark = a.mark();
    const droppedAt = h.clock.now();
    await b.drop();
    const left = await a.event('opponent.left', mark);
    expect(left).toMatchObject({ playerId: bId, graceUntil: droppedAt + DUEL_GRACE });

    // The drop does not count as "everyone answered": A's answer closes the question alone.
    mark = a.mark();
    const b2 = await h.connect();
    const resumed = await b2.ok({ type: 'session.resume', resumeToken: bToken, lastSeq });
    expect(resumed).toMatchObject({ code, role: 'player', recovered: true, playerId: bId });
    expect(await a.event('opponent.returned', mark)).toMatchObject({ playerId: bId });
    // B gets its ack first, then what it missed (its own drop), then the news of its return,
    // each event once and in seq order.
    expect(b2.log[0]).toMatchObject({ type: 'ack' });
    const seen = b2.sequenced();
    expect(seen.map((m) => m.type)).toEqual([
      'lobby.update',
      'opponent.left',
      'lobby.update',
      'opponent.returned',
    ]);
    expect(seen.map((m) => m.seq)).toEqual([1, 2, 3, 4].map((n) => lastSeq + n));
    expect(next.seq).toBeLessThanOrEqual(lastSeq);
  });

  it('shows the same grace deadline in a snapshot as in opponent.left', async () => {
    await joinSecond();
    await a.event('question.next');
    h.clock.advance(COUNTDOWN);
    const mark = a.mark();
    await b.drop();
    const left = await a.event('opponent.left', mark);
    h.clock.advance(4000);
    await a.ok({ type: 'answer.submit', questionId: 'd1', choice: [1] });
    const again = await h.connect();
    await a.close();
    const token = a.log[0]!.result.resumeToken as string;
    await again.ok({ type: 'session.resume', resumeToken: token, lastSeq: -1 });
    const snapshot = await again.event('session.snapshot');
    expect(snapshot.opponentLeft).toEqual({ playerId: bId, graceUntil: left.graceUntil });
  });

  it('plays to a head-to-head result with a winner', async () => {
    await joinSecond();
    const first = await a.event('question.next');
    h.clock.advance(COUNTDOWN + 1000);
    await a.ok({ type: 'answer.submit', questionId: 'd1', choice: [1] }); // right, 950
    h.clock.advance(1000);
    await b.ok({ type: 'answer.submit', questionId: 'd1', choice: [1] }); // right, 900
    expect(await a.event('question.result')).toMatchObject({ questionId: 'd1', answered: 2, total: 2 });
    // Auto-advance: reveal → leaderboard → next question.
    let mark = a.mark();
    h.clock.advance(REVEAL);
    expect((await a.event('leaderboard', mark)).top.map((p: { playerId: string }) => p.playerId)).toEqual([
      aId,
      bId,
    ]);
    h.clock.advance(REVEAL);
    const second = await a.event('question.next', mark);
    expect(second).toMatchObject({ index: 1 });
    expect((await b.waitFor((m) => m.type === 'question.next' && m.index === 1)).seq).toBe(second.seq);
    h.clock.advance(COUNTDOWN);
    await b.ok({ type: 'answer.submit', questionId: 'd2', choice: [3] }); // right, 1000 + 100
    await a.ok({ type: 'answer.submit', questionId: 'd2', choice: [0] }); // wrong
    await a.event('question.result', mark);
    mark = a.mark();
    h.clock.advance(REVEAL);
    const finished = await a.event('quiz.finished', mark);
    expect(finished.duel).toEqual({
      winnerId: bId,
      players: [
        { playerId: bId, nickname: 'Bravo', score: 2000, rank: 1 },
        { playerId: aId, nickname: 'Alpha', score: 950, rank: 2 },
      ],
    });
    expect(await b.event('quiz.finished')).toEqual(finished);
    expect(first.seq).toBeLessThan(finished.seq);
    expectAllValid(a);
    expectAllValid(b);
    expectGapFree(a);
  });

  it('declares no winner on a tie', async () => {
    await joinSecond();
    await a.event('question.next');
    h.clock.advance(COUNTDOWN);
    await a.ok({ type: 'answer.submit', questionId: 'd1', choice: [0] });
    await b.ok({ type: 'answer.submit', questionId: 'd1', choice: [0] });
    h.clock.advance(REVEAL * 2 + COUNTDOWN);
    await a.waitFor((m) => m.type === 'question.next' && m.index === 1);
    h.clock.advance(10_000 + GRACE);
    h.clock.advance(REVEAL);
    const finished = await a.event('quiz.finished');
    expect(finished.duel.winnerId).toBeNull();
  });

  it('starts a rematch when both players ask, with scores reset', async () => {
    await joinSecond();
    await a.event('question.next');
    h.clock.advance(COUNTDOWN);
    await a.ok({ type: 'answer.submit', questionId: 'd1', choice: [1] });
    await b.ok({ type: 'answer.submit', questionId: 'd1', choice: [0] });
    h.clock.advance(REVEAL * 2 + COUNTDOWN + 10_000 + GRACE + REVEAL);
    await a.event('quiz.finished');
    await b.event('quiz.finished');
    expect((await a.fails({ type: 'answer.submit', questionId: 'd2', choice: [1] })).code).toBe('TOO_LATE');

    let mark = b.mark();
    expect((await a.ok({ type: 'duel.rematch' })).requestedBy).toEqual([aId]);
    expect((await b.event('duel.rematch', mark)).requestedBy).toEqual([aId]);
    // One request is not enough.
    expect(b.log.slice(mark).some((m) => m.type === 'question.next')).toBe(false);
    mark = a.mark();
    expect((await b.ok({ type: 'duel.rematch' })).requestedBy).toEqual([aId, bId]);
    const rematch = await a.event('duel.rematch', mark);
    expect(rematch.requestedBy).toEqual([aId, bId]);
    const again = await a.event('question.next', mark);
    expect(again).toMatchObject({ index: 0, seq: rematch.seq + 1 });
    h.clock.advance(COUNTDOWN);
    await a.ok({ type: 'answer.submit', questionId: again.question.id, choice: [0] });
    await b.ok({ type: 'answer.submit', questionId: again.question.id, choice: [0] });
    const standing = await a.event('player.standing', mark);
    expect(standing).toMatchObject({ score: 0, streak: 0 });
    expectGapFree(a);
  });

  it('refuses a rematch before the duel has finished (WRONG_PHASE)', async () => {
    await joinSecond();
    await a.event('question.next');
    expect((await a.fails({ type: 'duel.rematch' })).code).toBe('WRONG_PHASE');
  });

  it('lets the remaining player win (quiz.finished) when the opponent is not back by graceUntil', async () => {
    await joinSecond();
    await a.event('question.next');
    h.clock.advance(COUNTDOWN);
    const mark = a.mark();
    await b.drop();
    await a.event('opponent.left', mark);
    h.clock.advance(DUEL_GRACE - 1);
    await a.sync();
    expect(a.log.slice(mark).some((m) => m.type === 'quiz.finished')).toBe(false);
    h.clock.advance(1);
    const finished = await a.event('quiz.finished', mark);
    expect(finished.duel.winnerId).toBe(aId);
  });

  it('lets the remaining player win when the opponent leaves with session.leave', async () => {
    await joinSecond();
    await a.event('question.next');
    h.clock.advance(COUNTDOWN);
    const mark = a.mark();
    await b.ok({ type: 'session.leave' });
    const finished = await a.event('quiz.finished', mark);
    expect(finished.duel.winnerId).toBe(aId);
    expect(bToken).toBeTruthy();
  });

  it('follows the rematch question.next with a player.standing of score 0', async () => {
    await joinSecond();
    await a.event('question.next');
    h.clock.advance(COUNTDOWN);
    await a.ok({ type: 'answer.submit', questionId: 'd1', choice: [1] });
    await b.ok({ type: 'answer.submit', questionId: 'd1', choice: [1] });
    h.clock.advance(REVEAL * 2 + COUNTDOWN + 10_000 + GRACE + REVEAL);
    await a.event('quiz.finished');
    const mark = a.mark();
    await a.ok({ type: 'duel.rematch' });
    await b.ok({ type: 'duel.rematch' });
    await a.event('question.next', mark);
    const standing = await a.waitFor((m) => m.type === 'player.standing', mark);
    expect(standing).toMatchObject({ score: 0, streak: 0, last: null });
  });
});
