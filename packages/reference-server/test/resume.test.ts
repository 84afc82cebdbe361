import { afterEach, describe, expect, it } from 'vitest';
import type { ServerOptions } from '../src/server.js';
import { expectGapFree } from './helpers/assert.js';
import { type Harness, hostClassic, joinAs, q, startHarness, until } from './helpers/client.js';

const COUNTDOWN = 3000;
const GRACE = 300;

describe('resuming a session', () => {
  let h: Harness;
  const start = async (overrides: ServerOptions = {}) => {
    h = await startHarness(overrides);
    return h;
  };
  afterEach(async () => {
    await h.stop();
  });

  /** A room with a host and two players, the first question open. */
  async function gameInProgress() {
    const { host, code, hostToken } = await hostClassic(h, {
      title: 't',
      questions: [q('q1'), q('q2'), q('q3')],
    });
    const a = await joinAs(h, code, 'Ann');
    const b = await joinAs(h, code, 'Ben');
    await host.ok({ type: 'quiz.start' });
    await a.client.event('question.next');
    h.clock.advance(COUNTDOWN);
    await a.client.sync();
    return { host, code, hostToken, a, b };
  }

  it('replays exactly the missed events, in order and byte for byte, with recovered: true', async () => {
    await start();
    const { host, a, b } = await gameInProgress();
    const lastSeq = Math.max(...a.client.sequenced().map((m) => m.seq as number));
    await a.client.drop();
    // While Ann is away: Ben answers, the question closes, the leaderboard and the next question come.
    await b.client.ok({ type: 'answer.submit', questionId: 'q1', choice: [1] });
    await host.event('question.result');
    await host.ok({ type: 'question.next' });
    await host.ok({ type: 'question.next' });
    await host.waitFor((m) => m.type === 'question.next' && m.index === 1);
    const missedOnHost = host.log
      .map((m, i) => ({ m, frame: host.frames[i]! }))
      .filter(({ m }) => typeof m.seq === 'number' && m.type !== 'session.snapshot' && m.seq > lastSeq);

    const again = await h.connect();
    const resumed = await again.ok({ type: 'session.resume', resumeToken: a.token, lastSeq });
    expect(resumed).toEqual({
      code: expect.any(String),
      role: 'player',
      recovered: true,
      playerId: a.playerId,
    });
    const standing = await again.event('player.standing');
    const replayed = again.log.slice(1, again.log.indexOf(standing));
    // Everything the host saw after lastSeq, minus the live lobby.update of Ann's return.
    expect(replayed.map((m) => m.seq)).toEqual(missedOnHost.map(({ m }) => m.seq).slice(0, replayed.length));
    expect(again.frames.slice(1, 1 + replayed.length)).toEqual(
      missedOnHost.slice(0, replayed.length).map((x) => x.frame),
    );
    expect(replayed.map((m) => m.type)).toEqual([
      'lobby.update', // Ann dropped
      'question.result',
      'leaderboard',
      'question.next',
    ]);
    expect(standing).toMatchObject({ score: 0, streak: 0, last: { questionId: 'q1', answered: false } });
    expect(again.all('session.snapshot')).toHaveLength(0);
    // Then live again: the lobby update announcing her return follows, gap-free.
    const live = await again.event('lobby.update', again.log.indexOf(standing));
    expect(live.seq).toBe(replayed.at(-1)!.seq + 1);
    h.clock.advance(COUNTDOWN);
    await again.ok({ type: 'answer.submit', questionId: 'q2', choice: [1] });
  });

  it('sends a snapshot with recovered: false when the gap is larger than the replay buffer', async () => {
    await start({ replayBufferSize: 2 });
    const { host, a, b } = await gameInProgress();
    const lastSeq = Math.max(...a.client.sequenced().map((m) => m.seq as number));
    await a.client.drop();
    await b.client.ok({ type: 'answer.submit', questionId: 'q1', choice: [1] });
    await host.ok({ type: 'question.next' });
    await host.ok({ type: 'question.next' });
    const next = await host.waitFor((m) => m.type === 'question.next' && m.index === 1);
    expect(next.seq - lastSeq).toBeGreaterThan(2);

    const again = await h.connect();
    expect(await again.ok({ type: 'session.resume', resumeToken: a.token, lastSeq })).toMatchObject({
      recovered: false,
      playerId: a.playerId,
    });
    const snapshot = await again.event('session.snapshot');
    expect(snapshot).toMatchObject({
      seq: next.seq,
      phase: 'countdown',
      role: 'player',
      you: { playerId: a.playerId, nickname: 'Ann', score: 0 },
      question: { index: 1, question: { id: 'q2' }, yourChoice: null },
      histogram: null,
      result: null,
      last: { questionId: 'q1', answered: false, correct: false },
    });
    expect(JSON.stringify(snapshot.question)).not.toMatch(/"correct"|"explanation"/);
    // Nothing replayed: the snapshot is the first thing after the ack.
    expect(again.log.slice(0, 2).map((m) => m.type)).toEqual(['ack', 'session.snapshot']);
    expectGapFree(again);
  });

  it('sends a snapshot to a client that resumes with lastSeq -1', async () => {
    await start();
    const { a } = await gameInProgress();
    await a.client.drop();
    const again = await h.connect();
    expect((await again.ok({ type: 'session.resume', resumeToken: a.token, lastSeq: -1 })).recovered).toBe(
      false,
    );
    expect((await again.event('session.snapshot')).phase).toBe('question');
  });

  it('closes the older connection with 4004 when the same participant resumes elsewhere', async () => {
    await start();
    const { a } = await gameInProgress();
    const second = await h.connect();
    await second.ok({ type: 'session.resume', resumeToken: a.token, lastSeq: -1 });
    expect((await a.client.closed).code).toBe(4004);
    await second.ok({ type: 'answer.submit', questionId: 'q1', choice: [1] });
  });

  it('refuses to resume another participant on a connection that has a session (NOT_ALLOWED)', async () => {
    await start();
    const { a, b } = await gameInProgress();
    expect((await a.client.fails({ type: 'session.resume', resumeToken: b.token, lastSeq: -1 })).code).toBe(
      'NOT_ALLOWED',
    );
    // Still Ann: her answer counts as hers.
    await a.client.ok({ type: 'answer.submit', questionId: 'q1', choice: [1] });
  });

  it('tells a kicked player, closes the socket with 4002 and never lets the token resume', async () => {
    await start();
    const { host, a, b } = await gameInProgress();
    const mark = host.mark();
    await host.ok({ type: 'player.kick', playerId: a.playerId });
    const kicked = await a.client.event('player.kicked');
    expect(kicked.type).toBe('player.kicked');
    expect((await a.client.closed).code).toBe(4002);
    // The kicked message is the last thing the socket received.
    expect(a.client.log.at(-1)).toEqual(kicked);
    const lobby = await host.event('lobby.update', mark);
    expect(lobby.players.map((p: { id: string }) => p.id)).toEqual([b.playerId]);

    const again = await h.connect();
    expect((await again.fails({ type: 'session.resume', resumeToken: a.token, lastSeq: -1 })).code).toBe(
      'UNAUTHORIZED',
    );
    expect((await again.fails({ type: 'answer.submit', questionId: 'q1', choice: [1] })).code).toBe(
      'NO_SESSION',
    );
    // Kicking again is idempotent: acked, nothing changes.
    const again2 = host.mark();
    await host.ok({ type: 'player.kick', playerId: a.playerId });
    await host.sync();
    expect(host.sequenced(again2)).toEqual([]);
  });

  it('keeps the room going while the host is away, and the host resumes with a snapshot', async () => {
    await start();
    const { host, hostToken, a, b } = await gameInProgress();
    await host.drop();
    await a.client.ok({ type: 'answer.submit', questionId: 'q1', choice: [1] });
    h.clock.advance(1000);
    await b.client.ok({ type: 'answer.submit', questionId: 'q1', choice: [2] });
    expect(await a.client.event('question.result')).toMatchObject({ answered: 2 });

    const back = await h.connect();
    expect(await back.ok({ type: 'session.resume', resumeToken: hostToken, lastSeq: -1 })).toMatchObject({
      role: 'host',
      recovered: false,
    });
    const snapshot = await back.event('session.snapshot');
    expect(snapshot).toMatchObject({
      role: 'host',
      phase: 'reveal',
      you: null,
      playerCount: 2,
      result: { questionId: 'q1', correct: [1], counts: [0, 1, 1, 0], answered: 2 },
    });
    // The host carries on.
    await back.ok({ type: 'question.next' });
    expect((await a.client.event('leaderboard')).top[0]).toMatchObject({ playerId: a.playerId });
  });

  it('closes the room with host_left when the host does not return within the grace period', async () => {
    await start({ hostGraceMs: 60_000 });
    const { host, code, hostToken, a, b } = await gameInProgress();
    await host.drop();
    await until(() => h.server.connectionCount === 2);
    h.clock.advance(59_000);
    await a.client.sync();
    expect(a.client.all('session.closed')).toHaveLength(0);
    h.clock.advance(1_000);
    expect(await a.client.event('session.closed')).toMatchObject({ reason: 'host_left' });
    expect((await a.client.closed).code).toBe(4003);
    expect((await b.client.closed).code).toBe(4003);
    const late = await h.connect();
    expect((await late.fails({ type: 'session.resume', resumeToken: hostToken, lastSeq: -1 })).code).toBe(
      'UNAUTHORIZED',
    );
    expect((await late.fails({ type: 'session.join', code, nickname: 'Late' })).code).toBe('ROOM_NOT_FOUND');
    expect(h.server.rooms.size).toBe(0);
  });

  it('cancels the host grace timer when the host comes back in time', async () => {
    await start({ hostGraceMs: 60_000 });
    const { host, hostToken, a } = await gameInProgress();
    await host.drop();
    await until(() => h.server.connectionCount === 2);
    h.clock.advance(30_000);
    const back = await h.connect();
    await back.ok({ type: 'session.resume', resumeToken: hostToken, lastSeq: -1 });
    h.clock.advance(60_000 + GRACE);
    await a.client.sync();
    expect(a.client.all('session.closed')).toHaveLength(0);
    expect(h.server.rooms.size).toBe(1);
  });
});
