import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectAllValid, expectGapFree } from './helpers/assert.js';
import { type Harness, hostClassic, type Joined, joinAs, q, startHarness } from './helpers/client.js';

const GRACE = 300;
const COUNTDOWN = 3000;
const PLAYERS = 50;

/** The scoring rule of ARCHITECTURE §3, written independently of the server's code. */
function expectedPoints(base: number, elapsed: number, limit: number): number {
  const fraction = Math.min(1, Math.max(0, elapsed / limit));
  return Math.round(base * (1 - fraction / 2));
}

interface Scripted {
  at: number;
  choice: number[];
}

const quiz = {
  title: 'Fifty players',
  questions: [
    q('q1', { kind: 'single', correct: [1], timeLimitMs: 10_000, explanation: 'Bravo is right.' }),
    q('q2', {
      kind: 'multiple',
      options: ['North', 'East', 'South', 'West'],
      correct: [0, 2],
      timeLimitMs: 20_000,
      points: 'double',
    }),
    q('q3', { kind: 'poll', options: ['Tea', 'Coffee', 'Water'], correct: [], timeLimitMs: 10_000 }),
    q('q4', { kind: 'truefalse', options: ['True', 'False'], correct: [0], timeLimitMs: 10_000 }),
  ],
};

/** Who answers what, and when (ms after the question opens); null = no answer. */
const script: Array<(i: number) => Scripted | null> = [
  (i) => ({ at: 100 * i + 50, choice: i % 4 === 0 ? [0] : [1] }),
  (i) => {
    if (i === 1) return { at: 20_000 + 200, choice: [2, 0] }; // inside the grace period
    if (i % 5 === 4) return null;
    return { at: 300 * i, choice: i % 3 === 0 ? [0] : [2, 0] };
  },
  (i) => ({ at: 10 * i, choice: [i % 3] }),
  (i) => ({ at: 200 * i, choice: i % 2 === 0 ? [0] : [1] }),
];

describe('a classic game', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.stop();
  });

  it('plays four questions with 50 players and scores every answer by the formula', async () => {
    const { host, code } = await hostClassic(h, quiz, { leaderboardSize: 5 });
    const players: Joined[] = [];
    for (let i = 0; i < PLAYERS; i++) players.push(await joinAs(h, code, `Player ${i}`));
    await host.waitFor((m) => m.type === 'lobby.update' && m.count === PLAYERS);

    const expected = players.map(() => ({ score: 0, streak: 0 }));
    let mark = host.mark();
    let marks = players.map((p) => p.client.mark());
    await host.ok({ type: 'quiz.start' });

    for (let qi = 0; qi < quiz.questions.length; qi++) {
      const question = quiz.questions[qi]!;
      const startedAt = h.clock.now();
      const nexts = await Promise.all(players.map((p, i) => p.client.event('question.next', marks[i])));
      const hostNext = await host.event('question.next', mark);
      for (const ev of [...nexts, hostNext]) {
        expect(ev.index).toBe(qi);
        expect(ev.total).toBe(4);
        expect(ev.opensAt).toBe(startedAt + COUNTDOWN);
        expect(ev.deadline).toBe(ev.opensAt + question.timeLimitMs);
        // Never the answer: the public view has exactly these keys.
        expect(Object.keys(ev.question).sort()).toEqual([
          'id',
          'kind',
          'options',
          'points',
          'prompt',
          'timeLimitMs',
        ]);
        expect(JSON.stringify(ev)).not.toMatch(/"correct"|"explanation"/);
      }
      const opensAt = hostNext.opensAt as number;
      mark = host.mark();
      marks = players.map((p) => p.client.mark());

      // Group the scripted answers by time and play them in order on the fake clock.
      const planned = players.map((_, i) => script[qi]!(i));
      const times = [...new Set(planned.filter((a) => a !== null).map((a) => a!.at))].sort((a, b) => a - b);
      h.clock.advance(COUNTDOWN);
      for (const t of times) {
        h.clock.advance(opensAt + t - h.clock.now());
        const group = players.filter((_, i) => planned[i]?.at === t);
        const replies = await Promise.all(
          group.map((p) =>
            p.client.request({
              type: 'answer.submit',
              questionId: question.id,
              choice: planned[players.indexOf(p)]!.choice,
            }),
          ),
        );
        for (const r of replies)
          expect(r).toMatchObject({
            type: 'ack',
            result: { questionId: question.id, receivedAt: opensAt + t },
          });
      }
      const allAnswered = planned.every((a) => a !== null);
      if (allAnswered) {
        // Closes early: the result arrives without the clock reaching the deadline.
        expect(h.clock.now()).toBeLessThan(opensAt + question.timeLimitMs);
      } else {
        expect(host.all('question.result').filter((m) => m.questionId === question.id)).toHaveLength(0);
        h.clock.advance(opensAt + question.timeLimitMs + GRACE - h.clock.now());
      }
      const result = await host.event('question.result', mark);

      // Expected outcome per player.
      const counts = question.options.map(() => 0);
      let answered = 0;
      const lasts = planned.map((a, i) => {
        const e = expected[i]!;
        if (a) {
          answered++;
          for (const c of a.choice) counts[c]!++;
        }
        if (question.kind === 'poll') {
          return {
            questionId: question.id,
            answered: a !== null,
            correct: null,
            points: 0,
            streakBonus: 0,
            choice: a?.choice ?? null,
          };
        }
        const correct =
          a !== null &&
          a.choice.length === question.correct.length &&
          question.correct.every((c) => a.choice.includes(c));
        let points = 0;
        let streakBonus = 0;
        if (correct) {
          const base = question.points === 'double' ? 2000 : 1000;
          points = expectedPoints(base, a!.at, question.timeLimitMs);
          e.streak++;
          streakBonus = Math.min(100 * (e.streak - 1), 500);
        } else e.streak = 0;
        e.score += points + streakBonus;
        return {
          questionId: question.id,
          answered: a !== null,
          correct,
          points,
          streakBonus,
          choice: a?.choice ?? null,
        };
      });
      const ranks = expected.map((e) => 1 + expected.filter((o) => o.score > e.score).length);

      expect(result).toMatchObject({
        questionId: question.id,
        correct: question.correct,
        counts,
        answered,
        total: PLAYERS,
      });
      if (question.explanation) expect(result.explanation).toBe(question.explanation);

      // The host saw the live histogram; its last one matches the final counts.
      const histograms = host.log.slice(mark).filter((m) => m.type === 'histogram');
      expect(histograms).toHaveLength(answered);
      expect(histograms.at(-1)).toMatchObject({ questionId: question.id, counts, answered, total: PLAYERS });
      expect(histograms.map((m) => m.answered)).toEqual(Array.from({ length: answered }, (_, n) => n + 1));

      // Each player: the result, then a personal standing with exact points.
      await Promise.all(
        players.map(async (p, i) => {
          await p.client.event('question.result', marks[i]);
          const standing = await p.client.event('player.standing', marks[i]);
          expect(standing).toEqual({
            type: 'player.standing',
            score: expected[i]!.score,
            rank: ranks[i],
            streak: expected[i]!.streak,
            total: PLAYERS,
            last: lasts[i],
          });
          expect(p.client.log.slice(marks[i]).some((m) => m.type === 'histogram')).toBe(false);
        }),
      );

      // Leaderboard (not after the last question: that goes straight to the podium).
      const order = expected
        .map((e, i) => ({ i, score: e.score }))
        .sort((a, b) => b.score - a.score || a.i - b.i)
        .map(({ i }) => ({
          playerId: players[i]!.playerId,
          nickname: `Player ${i}`,
          score: expected[i]!.score,
          rank: ranks[i],
        }));
      mark = host.mark();
      marks = players.map((p) => p.client.mark());
      await host.ok({ type: 'question.next' });
      if (qi < quiz.questions.length - 1) {
        const board = await host.event('leaderboard', mark);
        expect(board).toMatchObject({ top: order.slice(0, 5), total: PLAYERS });
        for (const [i, p] of players.entries())
          expect((await p.client.event('leaderboard', marks[i])).top).toEqual(order.slice(0, 5));
        mark = host.mark();
        marks = players.map((p) => p.client.mark());
        await host.ok({ type: 'question.next' });
      } else {
        const finished = await host.event('quiz.finished', mark);
        expect(finished).toMatchObject({ podium: order.slice(0, 3), top: order.slice(0, 5), total: PLAYERS });
        expect(finished.duel).toBeUndefined();
        for (const [i, p] of players.entries()) {
          expect((await p.client.event('quiz.finished', marks[i])).podium).toEqual(order.slice(0, 3));
          const standing = await p.client.event('player.standing', marks[i]);
          expect(standing).toMatchObject({ score: expected[i]!.score, rank: ranks[i] });
        }
      }
    }

    // Sanity of the script itself: the grace-period answer earned exactly half of double points.
    const p1 = players[1]!.client.all('player.standing')[1];
    expect(p1?.last).toMatchObject({ questionId: 'q2', correct: true, points: 1000 });

    expectAllValid(host);
    expectGapFree(host);
    for (const p of players.slice(0, 10)) {
      expectAllValid(p.client);
      expectGapFree(p.client);
    }
    expect((await host.fails({ type: 'question.next' })).code).toBe('WRONG_PHASE');
  }, 30_000);

  it('closes a question early once every connected player has answered', async () => {
    const { host, code } = await hostClassic(h, { title: 't', questions: [q('q1'), q('q2')] });
    const a = await joinAs(h, code, 'Ann');
    const b = await joinAs(h, code, 'Ben');
    const c = await joinAs(h, code, 'Cid');
    await host.ok({ type: 'quiz.start' });
    const next = await host.event('question.next');
    h.clock.advance(COUNTDOWN + 1000);
    const mark = host.mark();
    await a.client.ok({ type: 'answer.submit', questionId: 'q1', choice: [1] });
    // Cid drops: the question no longer waits for him.
    await c.client.drop();
    await host.waitFor(
      (m) => m.type === 'lobby.update' && m.players.some((p: { connected: boolean }) => !p.connected),
    );
    expect(host.log.slice(mark).some((m) => m.type === 'question.result')).toBe(false);
    await b.client.ok({ type: 'answer.submit', questionId: 'q1', choice: [2] });
    const result = await host.event('question.result', mark);
    expect(result).toMatchObject({ answered: 2, total: 3 });
    expect(h.clock.now()).toBeLessThan(next.deadline);
  });

  it('does not close early while nobody has answered', async () => {
    const { host, code } = await hostClassic(h);
    const a = await joinAs(h, code, 'Ann');
    await host.ok({ type: 'quiz.start' });
    await host.event('question.next');
    h.clock.advance(COUNTDOWN);
    await a.client.drop();
    await host.waitFor((m) => m.type === 'lobby.update' && m.players[0]?.connected === false);
    h.clock.advance(5000);
    await host.sync();
    expect(host.all('question.result')).toHaveLength(0);
    h.clock.advance(5000 + GRACE);
    expect((await host.event('question.result')).answered).toBe(0);
  });

  it('lets the host close a question early', async () => {
    const { host, code } = await hostClassic(h);
    const a = await joinAs(h, code, 'Ann');
    await joinAs(h, code, 'Ben');
    await host.ok({ type: 'quiz.start' });
    await host.event('question.next');
    h.clock.advance(COUNTDOWN + 2000);
    await a.client.ok({ type: 'answer.submit', questionId: 'q1', choice: [1] });
    await host.ok({ type: 'question.close' });
    expect(await host.event('question.result')).toMatchObject({ questionId: 'q1', answered: 1, total: 2 });
    expect((await a.client.event('player.standing')).last).toMatchObject({ correct: true, points: 900 });
  });

  it('advances by itself with autoAdvance: reveal → leaderboard → next question → finished', async () => {
    const { host, code } = await hostClassic(
      h,
      { title: 't', questions: [q('q1'), q('q2')] },
      { autoAdvance: true, revealMs: 2000, countdownMs: 1000 },
    );
    const a = await joinAs(h, code, 'Ann');
    await host.ok({ type: 'quiz.start' });
    await host.event('question.next');
    h.clock.advance(1000);
    await a.client.ok({ type: 'answer.submit', questionId: 'q1', choice: [1] });
    await host.event('question.result');
    let mark = host.mark();
    h.clock.advance(1999);
    h.clock.advance(1);
    expect((await host.event('leaderboard', mark)).top).toHaveLength(1);
    mark = host.mark();
    h.clock.advance(2000);
    expect((await host.event('question.next', mark)).index).toBe(1);
    // Nobody answers: the deadline closes it, then the game finishes after the reveal.
    h.clock.advance(1000 + 10_000 + GRACE);
    await host.event('question.result', mark);
    mark = host.mark();
    h.clock.advance(2000);
    const finished = await host.event('quiz.finished', mark);
    expect(finished.podium).toEqual([{ playerId: a.playerId, nickname: 'Ann', score: 1000, rank: 1 }]);
    expectGapFree(host);
  });

  it('tells the recipient its own rank in player.standing while the leaderboard shows only the top N', async () => {
    const { host, code } = await hostClassic(h, { title: 't', questions: [q('q1')] }, { leaderboardSize: 1 });
    const a = await joinAs(h, code, 'Ann');
    const b = await joinAs(h, code, 'Ben');
    const c = await joinAs(h, code, 'Cid');
    await host.ok({ type: 'quiz.start' });
    await host.event('question.next');
    h.clock.advance(COUNTDOWN);
    await a.client.ok({ type: 'answer.submit', questionId: 'q1', choice: [1] });
    h.clock.advance(5000);
    await b.client.ok({ type: 'answer.submit', questionId: 'q1', choice: [1] });
    await c.client.ok({ type: 'answer.submit', questionId: 'q1', choice: [0] });
    expect((await c.client.event('player.standing')).rank).toBe(3);
    expect((await b.client.event('player.standing')).rank).toBe(2);
    await host.ok({ type: 'question.next' });
    const finished = await c.client.event('quiz.finished');
    expect(finished.top).toHaveLength(1);
    expect(finished.podium.map((p: { nickname: string }) => p.nickname)).toEqual(['Ann', 'Ben', 'Cid']);
  });

  it('shows players the live histogram when playerHistogram is on', async () => {
    const { host, code } = await hostClassic(h, undefined, { playerHistogram: true });
    const a = await joinAs(h, code, 'Ann');
    const b = await joinAs(h, code, 'Ben');
    await host.ok({ type: 'quiz.start' });
    h.clock.advance(COUNTDOWN);
    await a.client.ok({ type: 'answer.submit', questionId: 'q1', choice: [3] });
    expect(await b.client.event('histogram')).toMatchObject({
      questionId: 'q1',
      counts: [0, 0, 0, 1],
      answered: 1,
      total: 2,
    });
  });

  it('refuses a new room when the server is at maxRooms (RATE_LIMITED)', async () => {
    await h.stop();
    h = await startHarness({ maxRooms: 1 });
    await hostClassic(h);
    const c = await h.connect();
    expect((await c.fails({ type: 'session.create', mode: 'solo', nickname: 'Solo' })).code).toBe(
      'RATE_LIMITED',
    );
  });

  // Documented in protocol v1 §7 (finished is entered "after the last question's leaderboard is
  // left"), but the room goes from the last reveal straight to quiz.finished (reported).
});
