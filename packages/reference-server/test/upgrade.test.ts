import { SignJWT } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import type { ServerOptions } from '../src/server.js';
import { type Harness, hostClassic, q, startHarness, TestClient, until } from './helpers/client.js';

const SECRET = 'a-test-secret-of-32-characters!!';

async function hostJwt(
  payload: Record<string, unknown> = { role: 'host' },
  secret = SECRET,
  exp: string | number = '1h',
) {
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('site-user-1')
    .setIssuedAt()
    .setExpirationTime(exp)
    .sign(new TextEncoder().encode(secret));
}

/** The HTTP status an upgrade was refused with. */
async function refusal(
  h: Harness,
  options: Parameters<Harness['connectRaw']>[0],
): Promise<{ status: number; body: string }> {
  const c = h.connectRaw(options);
  const error = (await c.opened.then(
    () => {
      throw new Error('the upgrade was accepted');
    },
    (e: unknown) => e,
  )) as { status: number; body: string };
  return { status: error.status, body: error.body };
}

describe('the WebSocket upgrade', () => {
  let h: Harness;
  const start = async (overrides: ServerOptions = {}) => {
    h = await startHarness(overrides);
    return h;
  };
  afterEach(async () => {
    await h.stop();
  });

  it('refuses an Origin that is not allowed with HTTP 403 before the socket opens', async () => {
    await start({ allowedOrigins: ['https://quiz.example'] });
    expect((await refusal(h, { headers: { Origin: 'https://evil.example' } })).status).toBe(403);
    expect(h.server.connectionCount).toBe(0);
    // The allowed origin, and clients that send none (SDK in Node, bots), get in.
    const ok = await h.connect({ headers: { Origin: 'https://quiz.example' } });
    await ok.sync();
    await (await h.connect()).sync();
    expect(h.server.connectionCount).toBe(2);
  });

  it('refuses an upgrade that does not offer the quizwire.v1 subprotocol with HTTP 400', async () => {
    await start();
    const refused = await refusal(h, { protocols: [] });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatch(/quizwire\.v1/);
    expect((await refusal(h, { protocols: ['quizwire.v2'] })).status).toBe(400);
    const c = await h.connect({ protocols: ['quizwire.v2', 'quizwire.v1'] });
    expect(c.ws.protocol).toBe('quizwire.v1');
  });

  it('refuses another path with HTTP 404', async () => {
    await start();
    const c = new TestClient(h.server.url.replace('/ws', '/other'));
    const error = (await c.opened.catch((e: unknown) => e)) as { status: number };
    expect(error.status).toBe(404);
  });

  it('with a secret: refuses a bad JWT with HTTP 401', async () => {
    await start({ secret: SECRET });
    expect((await refusal(h, { query: '?token=not.a.jwt' })).status).toBe(401);
    expect(
      (
        await refusal(h, {
          query: `?token=${await hostJwt({ role: 'host' }, 'another-secret-of-32-characters!')}`,
        })
      ).status,
    ).toBe(401);
    expect((await refusal(h, { query: `?token=${await hostJwt({ role: 'player' })}` })).status).toBe(401);
    const expired = await hostJwt({ role: 'host' }, SECRET, Math.floor(Date.now() / 1000) - 60);
    expect((await refusal(h, { query: `?token=${expired}` })).status).toBe(401);
    // `alg: none` is never accepted.
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"role":"host","exp":9999999999}').toString('base64url')}.`;
    expect((await refusal(h, { query: `?token=${unsigned}` })).status).toBe(401);
  });

  it('with a secret: a connection without a token may not create a room (UNAUTHORIZED) but may join', async () => {
    await start({ secret: SECRET });
    const anonymous = await h.connect();
    const reply = await anonymous.fails({ type: 'session.create', mode: 'classic', bank: { count: 3 } });
    expect(reply.code).toBe('UNAUTHORIZED');
    expect(h.server.rooms.size).toBe(0);

    const host = await h.connect({ query: `?token=${await hostJwt()}` });
    const created = await host.ok({
      type: 'session.create',
      mode: 'classic',
      quiz: { title: 't', questions: [q('q1')] },
    });
    expect(created.role).toBe('host');
    expect((await anonymous.ok({ type: 'session.join', code: created.code, nickname: 'Guest' })).role).toBe(
      'player',
    );
  });

  it('without a secret: any token is refused (nothing can verify it)', async () => {
    await start();
    expect((await refusal(h, { query: `?token=${await hostJwt()}` })).status).toBe(401);
    // And anyone may create.
    await hostClassic(h);
  });

  it('refuses connections over maxConnections with HTTP 503', async () => {
    await start({ maxConnections: 2 });
    const a = await h.connect();
    await h.connect();
    expect((await refusal(h, {})).status).toBe(503);
    await a.close();
    await until(() => h.server.connectionCount === 1);
    await (await h.connect()).sync();
  });

  it('refuses connections over maxConnectionsPerIp with HTTP 429', async () => {
    await start({ maxConnectionsPerIp: 1 });
    await h.connect();
    expect((await refusal(h, {})).status).toBe(429);
  });
});
