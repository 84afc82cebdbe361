import { Writable } from 'node:stream';
import { SignJWT } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.js';
import { type Harness, joinAs, q, startHarness } from './helpers/client.js';

const SECRET = 'log-test-secret-of-32-characters';

/** A stream that keeps every log line in memory. */
function memoryStream() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  return { lines, stream };
}

describe('structured logs', () => {
  let h: Harness;
  afterEach(async () => {
    await h.stop();
  });

  it('never contain a resume token, the host token, the JWT or the secret over a whole game', async () => {
    const { lines, stream } = memoryStream();
    h = await startHarness({ logger: createLogger('trace', stream), secret: SECRET });
    const jwt = await new SignJWT({ role: 'host' })
      .setProtectedHeader({ alg: 'HS256' })
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(SECRET));
    const host = await h.connect({ query: `?token=${jwt}` });
    const created = await host.ok({
      type: 'session.create',
      mode: 'classic',
      quiz: { title: 'Logs', questions: [q('q1')] },
    });
    const hostToken = created.resumeToken as string;
    const a = await joinAs(h, created.code, 'Ann');
    const b = await joinAs(h, created.code, 'Ben');
    await host.ok({ type: 'quiz.start' });
    h.clock.advance(3000);
    await a.client.ok({ type: 'answer.submit', questionId: 'q1', choice: [1] });
    // A resume, a bad resume, a kick and the end of the game: all paths that handle tokens.
    await a.client.drop();
    const again = await h.connect();
    await again.ok({ type: 'session.resume', resumeToken: a.token, lastSeq: 0 });
    await again.fails({ type: 'session.resume', resumeToken: b.token, lastSeq: 0 });
    await host.ok({ type: 'player.kick', playerId: b.playerId });
    await host.ok({ type: 'question.next' });
    await host.ok({ type: 'session.end' });
    await host.closed;
    // A refused upgrade with a token in the query string.
    const refused = h.connectRaw({ query: `?token=${jwt}x` });
    await refused.opened.catch(() => undefined);

    expect(lines.length).toBeGreaterThan(3);
    const secrets = [hostToken, a.token, b.token, jwt, SECRET];
    for (const line of lines) {
      for (const s of secrets) expect(line.includes(s), `log line leaks a secret: ${line}`).toBe(false);
      expect(() => JSON.parse(line)).not.toThrow();
    }
    expect(lines.some((l) => l.includes('room created'))).toBe(true);
  });
});

describe('the logger', () => {
  it('redacts token fields that code passes to the logger by mistake', () => {
    const { lines, stream } = memoryStream();
    const logger = createLogger('info', stream);
    logger.info(
      {
        resumeToken: 'tok-1',
        hostToken: 'tok-2',
        token: 'tok-3',
        nested: { secret: 'tok-4', apiKey: 'tok-5' },
      },
      'oops',
    );
    expect(lines).toHaveLength(1);
    for (const s of ['tok-1', 'tok-2', 'tok-3', 'tok-4', 'tok-5']) expect(lines[0]).not.toContain(s);
    expect(lines[0]).toContain('[redacted]');
  });
});
