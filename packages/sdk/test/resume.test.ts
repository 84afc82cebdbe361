import type { QuizServer } from '@quizwire/reference-server';
import { afterEach, describe, expect, it } from 'vitest';
import type { QuizClient } from '../src/types.js';
import { startProxy, type TcpProxy } from './helpers/proxy.js';
import { makeQuiz, sdkClient, startTestServer, until } from './helpers/server.js';

describe('resume after a dropped connection', () => {
  let server: QuizServer;
  let proxy: TcpProxy;
  const clients: QuizClient[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    await proxy.close();
    await server.close();
  });

  /** A room with Ada behind the proxy, then Ada cut off while the room moves on. */
  async function missWhileAway(replayBufferSize: number) {
    ({ server } = await startTestServer({ replayBufferSize }));
    proxy = await startProxy(server.url);
    const host = sdkClient(server.url);
    const ada = sdkClient(proxy.url);
    clients.push(host, ada);
    const { code } = await host.host.create({
      mode: 'classic',
      quiz: makeQuiz(2),
      settings: { countdownMs: 0 },
    });
    await ada.player.join({ code, nickname: 'Ada' });
    await until(ada.$session, (s) => s?.playerCount === 1, 'Ada in the lobby');
    const snapshots: number[] = [];
    ada.on('session.snapshot', (m) => snapshots.push(m.seq));

    proxy.refuse = true;
    proxy.dropAll();
    await until(ada.$connection, (c) => c.state === 'reconnecting', 'Ada reconnecting');
    for (const name of ['Bob', 'Cy', 'Di']) {
      const p = sdkClient(server.url);
      clients.push(p);
      await p.player.join({ code, nickname: name });
    }
    await host.host.start();
    proxy.refuse = false;
    await until(ada.$connection, (c) => c.state === 'open' && c.recovered !== null, 'Ada resumed');
    await until(ada.$question, (q) => q?.question.id === 'q1', 'q1 for Ada');
    return { ada, snapshots };
  }

  it('replays what the player missed, in order, and reports that continuity held', async () => {
    const { ada, snapshots } = await missWhileAway(256);
    expect(ada.$connection.get().recovered).toBe(true);
    expect(snapshots).toEqual([]);
    await until(
      ada.$session,
      (s) => s?.playerCount === 4 && s.phase === 'question',
      'lobby and phase replayed',
    );
    expect(ada.$session.get()?.players.map((p) => p.nickname)).toEqual(['Ada', 'Bob', 'Cy', 'Di']);
  });

  it('sends a snapshot when the gap is beyond the replay window, and reports it', async () => {
    const { ada, snapshots } = await missWhileAway(2);
    expect(ada.$connection.get().recovered).toBe(false);
    expect(snapshots).toHaveLength(1);
    expect(ada.$session.get()).toMatchObject({ playerCount: 4, phase: 'question', me: { nickname: 'Ada' } });
    // The answer goes through on the resumed session.
    await expect(ada.player.answer([0])).resolves.toMatchObject({ questionId: 'q1' });
  });
});
