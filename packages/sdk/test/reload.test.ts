import type { FakeClock, QuizServer } from '@quizwire/reference-server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryStorage } from '../src/storage.js';
import type { QuizClient } from '../src/types.js';
import { startProxy, type TcpProxy } from './helpers/proxy.js';
import {
  makeQuiz,
  recordingWebSocket,
  type SentFrame,
  sdkClient,
  startTestServer,
  until,
} from './helpers/server.js';

describe('a page reload', () => {
  let server: QuizServer;
  let clock: FakeClock;
  let proxy: TcpProxy;
  const clients: QuizClient[] = [];
  beforeEach(async () => {
    ({ server, clock } = await startTestServer());
    proxy = await startProxy(server.url);
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    await proxy.close();
    await server.close();
  });

  it('resumes the same player and counts an answer whose ack was lost exactly once', async () => {
    const host = sdkClient(server.url);
    const bob = sdkClient(server.url);
    clients.push(host, bob);
    const { code } = await host.host.create({
      mode: 'classic',
      quiz: makeQuiz(2),
      settings: { countdownMs: 0 },
    });

    const storage = memoryStorage();
    const framesA: SentFrame[] = [];
    const before = sdkClient(proxy.url, { storage, WebSocket: recordingWebSocket(framesA) });
    clients.push(before);
    const ada = await before.player.join({ code, nickname: 'Ada' });
    await bob.player.join({ code, nickname: 'Bob' });
    await host.host.start();
    await until(before.$question, (q) => q?.question.id === 'q1', 'q1 for Ada');
    clock.advance(2000);

    // From here on Ada's page hears nothing: the answer reaches the server, its ack does not.
    proxy.links.at(-1)!.swallow = true;
    before.player.answer([0]).catch(() => {});
    await until(host.$histogram, (h) => h?.answered === 1, 'the server counted Ada');
    expect(before.$myAnswer.get()).toMatchObject({ status: 'sending' });
    before.close(); // the page unloads

    const stored = JSON.parse(storage.getItem('quizwire')!);
    expect(stored).toMatchObject({ resumeToken: ada.resumeToken, playerId: ada.playerId });
    expect(stored.answers).toHaveLength(1);

    const framesB: SentFrame[] = [];
    const after = sdkClient(server.url, { storage, WebSocket: recordingWebSocket(framesB) });
    clients.push(after);
    expect(after.resumable).toBe(true);
    after.connect();
    const mine = await until(
      after.$myAnswer,
      (m) => m?.status === 'accepted',
      'the resent answer is acknowledged',
    );
    expect(mine).toMatchObject({ questionId: 'q1', choice: [0] });
    expect(after.$session.get()?.me).toEqual({ playerId: ada.playerId, nickname: 'Ada' });
    expect(after.$connection.get()).toMatchObject({ state: 'open', recovered: false });

    const first = framesA.find((f) => f.type === 'answer.submit')!;
    const resent = framesB.find((f) => f.type === 'answer.submit')!;
    expect(resent).toEqual(first);
    expect(framesB[0]).toMatchObject({ type: 'session.resume', resumeToken: ada.resumeToken });

    await bob.player.answer([1]);
    const result = await until(host.$result, (r) => r?.questionId === 'q1', 'q1 result');
    expect(result).toMatchObject({ answered: 2, counts: [1, 1, 0, 0] });
    const standing = await until(after.$standing, (s) => s?.last?.questionId === 'q1', "Ada's standing");
    expect(standing).toMatchObject({ score: 900, last: { answered: true, correct: true, choice: [0] } });
    expect(JSON.parse(storage.getItem('quizwire')!).answers).toEqual([]);
  });

  it('forgets the stored session when the player leaves', async () => {
    const host = sdkClient(server.url);
    clients.push(host);
    const { code } = await host.host.create({ mode: 'classic', quiz: makeQuiz(1) });
    const storage = memoryStorage();
    const player = sdkClient(server.url, { storage });
    clients.push(player);
    await player.player.join({ code, nickname: 'Ada' });
    expect(storage.getItem('quizwire')).not.toBeNull();
    await player.player.leave();
    expect(storage.getItem('quizwire')).toBeNull();
    expect(player.$session.get()).toBeNull();
    expect(player.resumable).toBe(false);
  });
});
