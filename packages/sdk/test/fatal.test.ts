import type { QuizServer } from '@quizwire/reference-server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { memoryStorage } from '../src/storage.js';
import type { QuizClient } from '../src/types.js';
import { makeQuiz, sdkClient, startTestServer, until } from './helpers/server.js';

describe('fatal close codes', () => {
  let server: QuizServer;
  const clients: QuizClient[] = [];
  beforeEach(async () => {
    ({ server } = await startTestServer());
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    await server.close();
  });

  it('stops reconnecting when the player is kicked, says why, and forgets the session', async () => {
    const host = sdkClient(server.url);
    const storage = memoryStorage();
    const backoff = vi.fn(() => 5);
    const ada = sdkClient(server.url, { storage, backoff });
    clients.push(host, ada);
    const { code } = await host.host.create({ mode: 'classic', quiz: makeQuiz(1) });
    const { playerId } = await ada.player.join({ code, nickname: 'Ada' });
    const kicked: string[] = [];
    ada.on('player.kicked', (m) => kicked.push(m.reason ?? ''));

    await host.host.kick(playerId);
    const connection = await until(ada.$connection, (c) => c.state === 'closed', 'Ada closed');
    expect(connection).toMatchObject({ closeCode: 4002, error: { name: 'QuizError', code: 'UNAUTHORIZED' } });
    expect(connection.error?.message).toMatch(/removed/);
    expect(kicked).toEqual(['removed by the host']);
    expect(backoff).not.toHaveBeenCalled();
    expect(storage.getItem('quizwire')).toBeNull();
    expect(ada.resumable).toBe(false);
    // The last view stays on screen under the error.
    expect(ada.$session.get()?.code).toBe(code);
  });

  it('stops when the host ends the room and tells the players why', async () => {
    const host = sdkClient(server.url);
    const backoff = vi.fn(() => 5);
    const ada = sdkClient(server.url, { backoff });
    clients.push(host, ada);
    const { code } = await host.host.create({ mode: 'classic', quiz: makeQuiz(1) });
    await ada.player.join({ code, nickname: 'Ada' });
    await host.host.end();
    const connection = await until(ada.$connection, (c) => c.state === 'closed', 'Ada closed');
    expect(connection).toMatchObject({ closeCode: 4003, error: { code: 'ROOM_NOT_FOUND' } });
    expect(ada.$session.get()?.closed).toBe('ended');
    expect(backoff).not.toHaveBeenCalled();
  });

  it('refuses a stored session the server no longer knows and is ready for a new one', async () => {
    const storage = memoryStorage();
    storage.setItem(
      'quizwire',
      JSON.stringify({
        v: 1,
        code: 'GONE',
        role: 'player',
        resumeToken: 'revoked-token',
        playerId: 'p_x',
        lastSeq: 3,
        answers: [],
      }),
    );
    const host = sdkClient(server.url);
    const ada = sdkClient(server.url, { storage });
    clients.push(host, ada);
    ada.connect();
    await until(ada.$connection, (c) => c.error?.code === 'UNAUTHORIZED', 'the resume is refused');
    expect(storage.getItem('quizwire')).toBeNull();
    const { code } = await host.host.create({ mode: 'classic', quiz: makeQuiz(1) });
    await expect(ada.player.join({ code, nickname: 'Ada' })).resolves.toMatchObject({ role: 'player' });
  });
});
