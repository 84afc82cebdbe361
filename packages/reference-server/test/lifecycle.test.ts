import { afterEach, describe, expect, it } from 'vitest';
import type { ServerOptions } from '../src/server.js';
import { type Harness, hostClassic, joinAs, q, startHarness, TestClient } from './helpers/client.js';

const SWEEP_MS = 30_000;

describe('room lifecycle', () => {
  let h: Harness;
  const start = async (overrides: ServerOptions = {}) => {
    h = await startHarness(overrides);
    return h;
  };
  afterEach(async () => {
    await h.stop();
  });

  it('ends the room for everyone when the host sends session.end', async () => {
    await start();
    const { host, code, hostToken } = await hostClassic(h);
    const a = await joinAs(h, code, 'Ann');
    await host.ok({ type: 'session.end' });
    expect(await a.client.event('session.closed')).toMatchObject({ reason: 'ended' });
    expect((await a.client.closed).code).toBe(4003);
    expect((await host.closed).code).toBe(4003);
    const c = await h.connect();
    expect((await c.fails({ type: 'session.resume', resumeToken: hostToken, lastSeq: -1 })).code).toBe(
      'UNAUTHORIZED',
    );
    expect((await c.fails({ type: 'session.resume', resumeToken: a.token, lastSeq: -1 })).code).toBe(
      'UNAUTHORIZED',
    );
    expect(h.server.rooms.size).toBe(0);
  });

  it('lets a player leave for good: ack, close 1000, token revoked, seat freed', async () => {
    await start();
    const { host, code } = await hostClassic(h);
    const a = await joinAs(h, code, 'Ann');
    const mark = host.mark();
    await a.client.ok({ type: 'session.leave' });
    expect((await a.client.closed).code).toBe(1000);
    await host.waitFor((m) => m.type === 'lobby.update' && m.count === 0, mark);
    const c = await h.connect();
    expect((await c.fails({ type: 'session.resume', resumeToken: a.token, lastSeq: -1 })).code).toBe(
      'UNAUTHORIZED',
    );
  });

  it('reaps a room that sat idle for idleRoomMs with reason idle', async () => {
    await start({ idleRoomMs: 60_000 });
    const { host } = await hostClassic(h);
    h.clock.advance(SWEEP_MS);
    await host.sync();
    expect(host.all('session.closed')).toHaveLength(0);
    h.clock.advance(SWEEP_MS);
    expect(await host.event('session.closed')).toMatchObject({ reason: 'idle' });
    expect((await host.closed).code).toBe(4003);
    expect(h.server.rooms.size).toBe(0);
  });

  it('keeps a finished room for finishedRoomMs so players can see the results, then closes it', async () => {
    await start({ finishedRoomMs: 60_000 });
    const { host, code } = await hostClassic(h, { title: 't', questions: [q('q1')] });
    const a = await joinAs(h, code, 'Ann');
    await host.ok({ type: 'quiz.start' });
    h.clock.advance(3000);
    await a.client.ok({ type: 'answer.submit', questionId: 'q1', choice: [1] });
    await host.event('question.result');
    await host.ok({ type: 'question.next' });
    await a.client.event('quiz.finished');
    // A returning player still gets the final state.
    await a.client.drop();
    const again = await h.connect();
    await again.ok({ type: 'session.resume', resumeToken: a.token, lastSeq: -1 });
    const snapshot = await again.event('session.snapshot');
    expect(snapshot).toMatchObject({
      phase: 'finished',
      finished: { podium: [{ playerId: a.playerId, score: 1000 }] },
    });
    // Still there just under finishedRoomMs (the sweep runs every 30 s)…
    h.clock.advance(60_000 - SWEEP_MS);
    await again.sync();
    expect(again.all('session.closed')).toHaveLength(0);
    // …and gone by the first sweep after it.
    h.clock.advance(SWEEP_MS * 2);
    expect(await again.event('session.closed')).toMatchObject({ reason: 'ended' });
    expect(h.server.rooms.size).toBe(0);
  });

  it('closes every room with server_restart and every socket with 1012 when the server closes', async () => {
    await start();
    const { host, code } = await hostClassic(h);
    const a = await joinAs(h, code, 'Ann');
    await h.server.close();
    expect(await a.client.event('session.closed')).toMatchObject({ reason: 'server_restart' });
    expect((await a.client.closed).code).toBe(1012);
    expect((await host.closed).code).toBe(1012);
  });
});

describe('a screen', () => {
  let h: Harness;
  afterEach(async () => {
    await h.stop();
  });

  it('watches read-only: snapshot, every event and the live histogram, but no answers', async () => {
    h = await startHarness();
    const { host, code } = await hostClassic(h);
    const screen = await h.connect();
    const watched = await screen.ok({ type: 'session.watch', code });
    expect(watched).toMatchObject({ code, role: 'screen', resumeToken: expect.any(String) });
    expect(await screen.event('session.snapshot')).toMatchObject({
      role: 'screen',
      you: null,
      phase: 'lobby',
    });
    const a = await joinAs(h, code, 'Ann');
    await joinAs(h, code, 'Ben');
    await host.ok({ type: 'quiz.start' });
    expect((await screen.event('question.next')).question).not.toHaveProperty('correct');
    h.clock.advance(3000);
    await a.client.ok({ type: 'answer.submit', questionId: 'q1', choice: [2] });
    expect(await screen.event('histogram')).toMatchObject({ counts: [0, 0, 1, 0], answered: 1, total: 2 });
    expect((await screen.fails({ type: 'answer.submit', questionId: 'q1', choice: [1] })).code).toBe(
      'NOT_ALLOWED',
    );
  });
});

describe('big rooms', () => {
  let h: Harness;
  afterEach(async () => {
    await h.stop();
  });

  it('coalesce lobby and histogram updates into one per throttle window', async () => {
    h = await startHarness({ throttleAbovePlayers: 2, throttleMs: 200, histogramMs: 100 });
    const { host, code } = await hostClassic(h);
    const players = [];
    for (const n of ['Ann', 'Ben', 'Cid', 'Dee', 'Eve']) players.push(await joinAs(h, code, n));
    // Above two players the lobby is throttled: the window's joins arrive as one update.
    h.clock.advance(200);
    const lobby = await host.waitFor((m) => m.type === 'lobby.update' && m.count === 5);
    expect(lobby.players).toHaveLength(5);
    expect(host.all('lobby.update').filter((m) => m.count >= 3)).toHaveLength(1);

    await host.ok({ type: 'quiz.start' });
    h.clock.advance(3000);
    const mark = host.mark();
    for (const p of players.slice(0, 4))
      await p.client.ok({ type: 'answer.submit', questionId: 'q1', choice: [1] });
    await host.sync();
    expect(host.log.slice(mark).filter((m) => m.type === 'histogram')).toHaveLength(0);
    h.clock.advance(100);
    const histogram = await host.event('histogram', mark);
    expect(histogram).toMatchObject({ answered: 4, counts: [0, 4, 0, 0], total: 5 });
    await host.sync();
    expect(host.log.slice(mark).filter((m) => m.type === 'histogram')).toHaveLength(1);
  });

  it('send players the count only, and the host and screens the list, under the same seq', async () => {
    h = await startHarness({ throttleAbovePlayers: 2, throttleMs: 200 });
    const { host, code, hostToken } = await hostClassic(h);
    const screen = await h.connect();
    await screen.ok({ type: 'session.watch', code });
    const players = [];
    for (const n of ['Ann', 'Ben', 'Cid', 'Dee']) players.push(await joinAs(h, code, n));
    h.clock.advance(200);
    const staff = await host.waitFor((m) => m.type === 'lobby.update' && m.count === 4);
    expect(staff.players.map((p: { nickname: string }) => p.nickname)).toEqual(['Ann', 'Ben', 'Cid', 'Dee']);
    expect(await screen.waitFor((m) => m.type === 'lobby.update' && m.count === 4)).toEqual(staff);
    const ann = await players[0]!.client.waitFor((m) => m.type === 'lobby.update' && m.count === 4);
    expect(ann).toEqual({ ...staff, players: [] });
    // A newcomer's snapshot in a big room has the count and its own identity, not the list.
    const late = await h.connect();
    await late.ok({ type: 'session.join', code, nickname: 'Eve' });
    const snapshot = await late.event('session.snapshot');
    expect(snapshot).toMatchObject({ players: [], playerCount: 5, you: { nickname: 'Eve' } });

    // A host that resumes after a gap gets its own view replayed; a player gets the players' view.
    h.clock.advance(200);
    const five = await host.waitFor((m) => m.type === 'lobby.update' && m.count === 5);
    const back = await h.connect();
    await back.ok({ type: 'session.resume', resumeToken: players[1]!.token, lastSeq: five.seq - 1 });
    expect(await back.event('lobby.update')).toEqual({ ...five, players: [] });
    const hostAgain = await h.connect();
    await hostAgain.ok({ type: 'session.resume', resumeToken: hostToken, lastSeq: five.seq - 1 });
    expect(await hostAgain.event('lobby.update')).toEqual(five);
  });

  it('do not announce connection flips to anyone while a big game runs, but do announce leaves', async () => {
    h = await startHarness({ throttleAbovePlayers: 2, throttleMs: 200 });
    const { host, code } = await hostClassic(h);
    const players = [];
    for (const n of ['Ann', 'Ben', 'Cid', 'Dee', 'Eve']) players.push(await joinAs(h, code, n));
    await host.ok({ type: 'quiz.start' });
    h.clock.advance(3000);
    await host.sync(); // the joins' coalesced update, due while in countdown, has arrived
    const mark = host.mark();
    await players[0]!.client.drop();
    const back = await h.connect();
    await back.ok({ type: 'session.resume', resumeToken: players[0]!.token, lastSeq: -1 });
    h.clock.advance(200);
    await host.sync();
    expect(host.log.slice(mark).filter((m) => m.type === 'lobby.update')).toHaveLength(0);

    await players[1]!.client.ok({ type: 'session.leave' });
    h.clock.advance(200);
    const update = await host.event('lobby.update', mark);
    expect(update.count).toBe(4);

    // A leave and a join in one window keep the count, and are announced all the same.
    const swap = host.mark();
    await players[2]!.client.ok({ type: 'session.leave' });
    await joinAs(h, code, 'Fay');
    h.clock.advance(200);
    const swapped = await host.event('lobby.update', swap);
    expect(swapped.count).toBe(4);
    expect(swapped.players.map((p: { nickname: string }) => p.nickname)).toEqual([
      'Ann',
      'Dee',
      'Eve',
      'Fay',
    ]);
  });
});

describe('the heartbeat', () => {
  let h: Harness;
  afterEach(async () => {
    await h.stop();
  });

  // The heartbeat runs on real time (TCP liveness, not game time), so this test waits about
  // two intervals of the shortest allowed heartbeat.
  it('drops a socket that stops answering pings and frees the player for a resume', async () => {
    h = await startHarness({ heartbeatMs: 1000 });
    const { host, code } = await hostClassic(h);
    const silent = new TestClient(h.server.url, { autoPong: false });
    await silent.opened;
    const joined = await silent.ok({ type: 'session.join', code, nickname: 'Ghost' });
    const closed = await silent.closed;
    // Reaped without a close frame: the peer is presumed dead.
    expect(closed.code).toBe(1006);
    const lobby = await host.waitFor((m) => m.type === 'lobby.update' && m.players[0]?.connected === false);
    expect(lobby.count).toBe(1);
    const again = await h.connect();
    await again.ok({ type: 'session.resume', resumeToken: joined.resumeToken, lastSeq: -1 });
    await silent.close();
  }, 10_000);
});
