import type { QuizServer } from '@quizwire/reference-server';
import { afterEach, describe, expect, it } from 'vitest';
import type { QuizClient } from '../src/types.js';
import { FakeTimers } from './helpers/fake-timers.js';
import { startProxy, type TcpProxy } from './helpers/proxy.js';
import { makeQuiz, sdkClient, startTestServer, until } from './helpers/server.js';

describe('command timeouts', () => {
  let server: QuizServer;
  let proxy: TcpProxy;
  const clients: QuizClient[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    await proxy.close();
    await server.close();
  });

  it('rejects with TIMEOUT when the server never replies, and stops resending the command', async () => {
    ({ server } = await startTestServer());
    proxy = await startProxy(server.url);
    const timers = new FakeTimers(Date.now());
    const host = sdkClient(server.url);
    const ada = sdkClient(proxy.url, { timers, commandTimeoutMs: 3000 });
    clients.push(host, ada);
    const { code } = await host.host.create({
      mode: 'classic',
      quiz: makeQuiz(1),
      settings: { countdownMs: 0 },
    });
    await ada.player.join({ code, nickname: 'Ada' });
    await host.host.start();
    await until(ada.$question, (q) => q !== null, 'q1 for Ada');

    proxy.links.at(-1)!.swallow = true;
    const answer = ada.player.answer([0]);
    timers.advance(2999);
    expect(ada.$myAnswer.get()?.status).toBe('sending');
    timers.advance(1);
    await expect(answer).rejects.toMatchObject({ name: 'QuizError', code: 'TIMEOUT' });
    expect(ada.$myAnswer.get()).toMatchObject({ status: 'rejected', error: { code: 'TIMEOUT' } });
  });
});
