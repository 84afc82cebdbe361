import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, hostClassic, joinAs, startHarness } from './helpers/client.js';

describe('the HTTP routes', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.stop();
  });

  it('reports health: status, rooms, connections and uptime', async () => {
    let res = await fetch(`${h.server.httpUrl}/health`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(await res.json()).toMatchObject({
      status: 'ok',
      rooms: 0,
      connections: 0,
      uptime: expect.any(Number),
    });

    const { code } = await hostClassic(h);
    await joinAs(h, code, 'Ann');
    res = await fetch(`${h.server.httpUrl}/health`);
    const body = await res.json();
    expect(body).toMatchObject({ status: 'ok', rooms: 1, connections: 2 });
    expect(body.uptime).toBeGreaterThanOrEqual(0);
  });

  it('exposes Prometheus metrics for connections, messages, errors and broadcast time', async () => {
    const { host, code } = await hostClassic(h);
    await joinAs(h, code, 'Ann');
    await host.fails({ type: 'question.next' }); // one WRONG_PHASE
    const res = await fetch(`${h.server.httpUrl}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/plain/);
    const text = await res.text();
    expect(text).toMatch(/^# TYPE quizwire_connections gauge$/m);
    expect(text).toMatch(/^quizwire_connections 2$/m);
    expect(text).toMatch(/^quizwire_rooms 1$/m);
    expect(text).toMatch(/^quizwire_messages_in_total [1-9]\d*$/m);
    expect(text).toMatch(/^quizwire_messages_out_total [1-9]\d*$/m);
    expect(text).toMatch(/^quizwire_errors_total\{code="WRONG_PHASE"\} 1$/m);
    expect(text).toMatch(/^# TYPE quizwire_broadcast_seconds histogram$/m);
    expect(text).toMatch(/^quizwire_broadcast_seconds_count [1-9]\d*$/m);
  });

  it('counts each error reply once in quizwire_errors_total', async () => {
    const c = await h.connect();
    await c.fails({ type: 'answer.submit', questionId: 'q1', choice: [0] });
    c.send('{bad');
    await c.sync();
    const text = await (await fetch(`${h.server.httpUrl}/metrics`)).text();
    expect(text).toMatch(/^quizwire_errors_total\{code="NO_SESSION"\} 1$/m);
    expect(text).toMatch(/^quizwire_errors_total\{code="BAD_MESSAGE"\} 1$/m);
  });

  it('answers an unknown path with 404', async () => {
    const res = await fetch(`${h.server.httpUrl}/no/such/page`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: 'not found' });
  });

  it('refuses methods other than GET on the plain routes with 405', async () => {
    const res = await fetch(`${h.server.httpUrl}/health`, { method: 'DELETE' });
    expect(res.status).toBe(405);
  });
});
