import type { FakeClock, QuizServer } from '@quizwire/reference-server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { QuizClient } from '../src/types.js';
import { makeQuiz, sdkClient, startTestServer, until } from './helpers/server.js';

const PLAYERS = 20;
const QUESTIONS = 4;

describe('a classic game driven only through the SDK', () => {
  let server: QuizServer;
  let clock: FakeClock;
  const clients: QuizClient[] = [];
  beforeEach(async () => {
    ({ server, clock } = await startTestServer());
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    await server.close();
  });

  it('plays a host and 20 players from lobby to podium, with scores by the formula', async () => {
    const quiz = makeQuiz(QUESTIONS);
    const host = sdkClient(server.url);
    clients.push(host);
    const created = await host.host.create({
      mode: 'classic',
      quiz,
      settings: { countdownMs: 0, leaderboardSize: 5 },
    });
    expect(created).toMatchObject({ role: 'host' });
    await until(host.$session, (s) => s?.code === created.code && s.role === 'host', 'host snapshot');

    const players = Array.from({ length: PLAYERS }, () => sdkClient(server.url));
    clients.push(...players);
    const joins = await Promise.all(
      players.map((p, i) => p.player.join({ code: created.code, nickname: `Player ${i}` })),
    );
    expect(new Set(joins.map((j) => j.playerId)).size).toBe(PLAYERS);
    await until(host.$session, (s) => s?.playerCount === PLAYERS, 'all players in the lobby');
    for (const [i, p] of players.entries())
      expect(p.$session.get()?.me).toEqual({ playerId: joins[i]!.playerId, nickname: `Player ${i}` });

    // Player i answers question q correctly when (i + q) % 3 !== 0.
    const isRight = (i: number, q: number) => (i + q) % 3 !== 0;
    const expected = players.map(() => ({ score: 0, streak: 0 }));

    for (let q = 0; q < QUESTIONS; q++) {
      const id = `q${q + 1}`;
      await (q === 0 ? host.host.start() : host.host.next());
      await Promise.all(players.map((p) => until(p.$question, (x) => x?.question.id === id, `${id} opens`)));
      expect(players[0]!.$session.get()?.phase).toBe('question');
      expect(players[0]!.$timeLeft.get()).toBeGreaterThan(0);
      clock.advance(1000); // everyone answers one second in
      const answers = await Promise.all(
        players.map((p, i) => {
          const correct = quiz.questions[q]!.correct[0]!;
          return p.player.answer([isRight(i, q) ? correct : (correct + 1) % 4]);
        }),
      );
      for (const a of answers) expect(a.questionId).toBe(id);
      for (const p of players)
        expect(p.$myAnswer.get()).toMatchObject({ questionId: id, status: 'accepted' });

      // Everyone answered, so the question closes early.
      const results = await Promise.all(
        players.map((p) => until(p.$result, (r) => r?.questionId === id, `${id} result`)),
      );
      expect(results[0]!.answered).toBe(PLAYERS);
      await until(host.$session, (s) => s?.phase === 'reveal', 'host sees the reveal');
      for (const [i, p] of players.entries()) {
        const e = expected[i]!;
        if (isRight(i, q)) {
          e.streak++;
          e.score += Math.round(1000 * (1 - 1000 / 10_000 / 2)) + Math.min(500, 100 * (e.streak - 1));
        } else e.streak = 0;
        const standing = await until(p.$standing, (s) => s?.last?.questionId === id, `${id} standing`);
        expect(standing).toMatchObject({
          score: e.score,
          streak: e.streak,
          last: { correct: isRight(i, q) },
        });
      }
      if (q < QUESTIONS - 1) {
        await host.host.next();
        const board = await until(host.$leaderboard, (l) => l !== null, 'leaderboard');
        expect(board?.top).toHaveLength(5);
        expect(host.$session.get()?.phase).toBe('leaderboard');
      }
    }

    await host.host.next();
    const finished = await Promise.all(players.map((p) => until(p.$finished, (f) => f !== null, 'podium')));
    expect(finished[0]!.podium).toHaveLength(3);
    const best = Math.max(...expected.map((e) => e.score));
    expect(finished[0]!.podium[0]!.score).toBe(best);
    for (const p of players) expect(p.$session.get()?.phase).toBe('finished');
    const scores = players.map((p) => p.$standing.get()!.score);
    expect(scores).toEqual(expected.map((e) => e.score));
  });
});
