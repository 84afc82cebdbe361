import type { RankedPlayer } from '@quizwire/protocol';
import { describe, expect, it } from 'vitest';
import type { ResultInfo } from '../src/stores.js';
import type { QuizClient } from '../src/types.js';
import { startProxy } from './helpers/proxy.js';
import {
  makeQuiz,
  recordingWebSocket,
  resentAnswers,
  type SentFrame,
  sdkClient,
  startTestServer,
  until,
} from './helpers/server.js';

const PLAYERS = 30;
const QUESTIONS = 5;
const SEED = 20_261_122;

/** Player i answers question q this many ms after it opens, correctly unless (7i + q) % 4 === 0. */
const answerAt = (i: number) => 250 * (i % 8);
const answersRight = (i: number, q: number) => (7 * i + q) % 4 !== 0;

interface Outcome {
  scores: Record<string, number>;
  results: Omit<ResultInfo, 'explanation'>[];
  podium: Omit<RankedPlayer, 'playerId'>[];
  top: Omit<RankedPlayer, 'playerId'>[];
  figures: { dropped: number; acksLost: number; resent: number; duplicatesRefused: number };
}

const withoutIds = (players: RankedPlayer[]) => players.map(({ playerId: _id, ...rest }) => rest);

/**
 * One full classic game, every client behind the proxy. With `faults`, the proxy cuts
 * connections at seeded random moments, loses some answer acks and delays delivery.
 */
async function play(faults: boolean): Promise<Outcome> {
  const { server, clock } = await startTestServer();
  const proxy = await startProxy(server.url, {
    seed: SEED,
    dropChance: 0.004,
    maxDelayMs: 8,
    loseAnswerAckChance: 0.12,
  });
  proxy.faults = false;
  const frames: SentFrame[] = [];
  const WebSocket = recordingWebSocket(frames);
  const clients: QuizClient[] = [];
  const client = () => {
    const c = sdkClient(proxy.url, { WebSocket, backoff: () => 2 });
    clients.push(c);
    return c;
  };
  try {
    const quiz = makeQuiz(QUESTIONS, 'Chaos');
    const host = client();
    const { code } = await host.host.create({
      mode: 'classic',
      quiz,
      settings: { countdownMs: 0, leaderboardSize: 10 },
    });
    const players: QuizClient[] = [];
    for (let i = 0; i < PLAYERS; i++) {
      const p = client();
      await p.player.join({ code, nickname: `Player ${String(i).padStart(2, '0')}` });
      players.push(p);
    }
    // The server closes a question early once every *connected* player has answered, so a
    // player cut off at that moment would miss it. A referee that never answers (connected
    // directly) keeps each question open until the host closes it: both runs end alike.
    const referee = sdkClient(server.url);
    clients.push(referee);
    await referee.player.join({ code, nickname: 'Referee' });
    await until(host.$session, (s) => s?.playerCount === PLAYERS + 1, 'full lobby');

    proxy.faults = faults;
    const results: Outcome['results'] = [];
    for (let q = 0; q < QUESTIONS; q++) {
      const id = `q${q + 1}`;
      await (q === 0 ? host.host.start() : host.host.next());
      await Promise.all(players.map((p) => until(p.$question, (x) => x?.question.id === id, `${id} opens`)));
      const opensAt = host.$question.get()?.opensAt ?? clock.now();
      const correct = quiz.questions[q]!.correct[0]!;
      for (const at of [...new Set(players.map((_, i) => answerAt(i)))].sort((a, b) => a - b)) {
        clock.advance(opensAt + at - clock.now());
        // Game time stands still until every answer of this instant is acknowledged, however
        // many reconnects that takes: the server's receive time is the instant itself.
        await Promise.all(
          players.flatMap((p, i) =>
            answerAt(i) === at ? [p.player.answer([answersRight(i, q) ? correct : (correct + 1) % 4])] : [],
          ),
        );
      }
      await host.host.close();
      const result = await until(host.$result, (r) => r?.questionId === id, `${id} result`);
      const { explanation: _e, ...kept } = result!;
      results.push(kept);
      await Promise.all(
        players.map((p) => until(p.$standing, (s) => s?.last?.questionId === id, `${id} standing`)),
      );
      for (const p of players) expect(p.$standing.get()?.last).toMatchObject({ answered: true });
      if (q < QUESTIONS - 1) {
        await host.host.next();
        await until(host.$leaderboard, (l) => l !== null, 'leaderboard');
      }
    }
    await host.host.next();
    const finished = await until(host.$finished, (f) => f !== null, 'podium');
    await Promise.all(players.map((p) => until(p.$finished, (f) => f !== null, 'podium for every player')));
    const scores: Record<string, number> = {};
    for (const p of players) scores[p.$session.get()!.me!.nickname] = p.$standing.get()!.score;
    return {
      scores,
      results,
      podium: withoutIds(finished!.podium),
      top: withoutIds(finished!.top),
      figures: {
        dropped: proxy.stats.dropped,
        acksLost: proxy.stats.answerAcksLost,
        resent: resentAnswers(frames),
        duplicatesRefused: proxy.duplicatesRefused(),
      },
    };
  } finally {
    for (const c of clients) c.close();
    await proxy.close();
    await server.close();
  }
}

describe('chaos', () => {
  it('ends a 30-player game with the same scores through dropped connections and lost acks', async () => {
    const clean = await play(false);
    const chaos = await play(true);
    console.log(
      `[chaos] seed ${SEED}: ${chaos.figures.dropped} connections dropped (${chaos.figures.acksLost} of them ` +
        `right after an answer was counted), ${chaos.figures.resent} answers resent, ` +
        `${chaos.figures.duplicatesRefused} duplicates refused; without faults: ${clean.figures.dropped} dropped, ` +
        `${clean.figures.resent} resent, ${clean.figures.duplicatesRefused} duplicates`,
    );
    expect(clean.figures).toEqual({ dropped: 0, acksLost: 0, resent: 0, duplicatesRefused: 0 });
    expect(chaos.figures.dropped).toBeGreaterThan(0);
    expect(chaos.figures.resent).toBeGreaterThan(0);
    expect(chaos.figures.duplicatesRefused).toBeGreaterThan(0);

    // Every answer scored exactly once: all 30 counted per question, and the same scores.
    for (const r of chaos.results) expect(r.answered).toBe(PLAYERS);
    for (const r of chaos.results) expect(r.counts.reduce((a, b) => a + b, 0)).toBe(PLAYERS);
    expect(chaos.results).toEqual(clean.results);
    expect(chaos.scores).toEqual(clean.scores);
    expect(chaos.podium).toEqual(clean.podium);
    expect(chaos.top).toEqual(clean.top);
  }, 120_000);
});
