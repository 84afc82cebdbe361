import { FakeClock, type QuizServer, type ServerOptions, startServer } from '@quizwire/reference-server';
import type { ReadableAtom } from 'nanostores';
import { WebSocket } from 'ws';
import { createQuizClient } from '../../src/client.js';
import { memoryStorage } from '../../src/storage.js';
import type { QuizClient, QuizClientOptions } from '../../src/types.js';

/** A real reference server on a random port, its game time on a fake clock. */
export async function startTestServer(
  options: ServerOptions = {},
): Promise<{ server: QuizServer; clock: FakeClock }> {
  const clock = new FakeClock(Date.now());
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    clock,
    logger: false,
    // Game time stands still in these tests, so the token buckets would never refill.
    rateLimitPerSecond: 100_000,
    rateLimitBurst: 100_000,
    ...options,
  });
  return { server, clock };
}

/** An SDK client over real sockets (`ws`), with in-memory storage and a fast backoff. */
export function sdkClient(url: string, options: Partial<QuizClientOptions> = {}): QuizClient {
  return createQuizClient({ url, WebSocket, storage: memoryStorage(), backoff: () => 5, ...options });
}

/**
 * Resolve once `store` satisfies `predicate`. The guard only turns a hang into a readable
 * failure; it never paces the test.
 */
export function until<T>(
  store: ReadableAtom<T>,
  predicate: (value: T) => boolean,
  label = 'condition',
): Promise<T> {
  return new Promise((resolve, reject) => {
    let off = () => {};
    const guard = setTimeout(() => {
      off();
      reject(
        new Error(
          `timed out waiting for ${label}; last value: ${JSON.stringify(store.get())?.slice(0, 500)}`,
        ),
      );
    }, 15_000);
    off = store.subscribe((value) => {
      if (!predicate(value)) return;
      clearTimeout(guard);
      queueMicrotask(() => off());
      resolve(value);
    });
  });
}

/** A small inline quiz: question i has `options.length` options and the listed correct ones. */
export function makeQuiz(count: number, title = 'SDK quiz') {
  return {
    title,
    questions: Array.from({ length: count }, (_, i) => ({
      id: `q${i + 1}`,
      kind: 'single' as const,
      prompt: `Question ${i + 1}?`,
      options: ['Alpha', 'Bravo', 'Charlie', 'Delta'],
      correct: [i % 4],
      timeLimitMs: 10_000,
    })),
  };
}

/** A frame an SDK client wrote to its socket. */
export interface SentFrame {
  type: string;
  id?: string;
  [key: string]: unknown;
}

/** The `ws` class, recording every frame sent through it into `frames`. */
export function recordingWebSocket(frames: SentFrame[]): typeof WebSocket {
  return class RecordingWebSocket extends WebSocket {
    override send(data: unknown, ...rest: unknown[]): void {
      frames.push(JSON.parse(String(data)) as SentFrame);
      (super.send as (...args: unknown[]) => void)(data, ...rest);
    }
  };
}

/** Answer frames sent again with an id that had already gone out. */
export function resentAnswers(frames: SentFrame[]): number {
  const seen = new Set<string>();
  let resent = 0;
  for (const f of frames) {
    if (f.type !== 'answer.submit' || !f.id) continue;
    if (seen.has(f.id)) resent++;
    seen.add(f.id);
  }
  return resent;
}
