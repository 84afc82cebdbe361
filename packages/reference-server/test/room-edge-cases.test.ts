import { SignJWT } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, hostClassic, joinAs, q, startHarness } from './helpers/client.js';

const DUEL_GRACE = 30_000;
const COUNTDOWN = 3000;

describe('room edge cases', () => {
  let h: Harness;
  afterEach(async () => {
    await h?.stop();
  });

  it('gives each duel player their own forfeit clock when both drop', async () => {
    h = await startHarness();
    const a = await h.connect();
    const created = await a.ok({
      type: 'session.create',
      mode: 'duel',
      nickname: 'Alpha',
      quiz: { title: 'D', questions: [q('d1', { timeLimitMs: 60_000 }), q('d2', { timeLimitMs: 60_000 })] },
    });
    const b = await joinAs(h, created.code, 'Bravo');
    await a.event('question.next');
    h.clock.advance(COUNTDOWN);
    await a.drop();
    await b.client.event('opponent.left');
    h.clock.advance(10_000);
    await b.client.drop();
    // A came back: only A's clock is cleared, B's keeps running and B forfeits at its deadline.
    const back = await h.connect();
    const resumed = await back.ok({ type: 'session.resume', resumeToken: created.resumeToken, lastSeq: -1 });
    expect(resumed.recovered).toBe(false);
    const mark = back.mark();
    h.clock.advance(DUEL_GRACE);
    const finished = await back.event('quiz.finished', mark);
    expect(finished.duel.winnerId).toBe(created.playerId);
  });

  it('starts a duel with the grace clock running for a creator who dropped in the lobby', async () => {
    h = await startHarness();
    const a = await h.connect();
    const created = await a.ok({
      type: 'session.create',
      mode: 'duel',
      nickname: 'Alpha',
      quiz: { title: 'D', questions: [q('d1', { timeLimitMs: 60_000 })] },
    });
    await a.drop();
    const b = await joinAs(h, created.code, 'Bravo');
    const left = await b.client.event('opponent.left');
    expect(left.playerId).toBe(created.playerId);
    h.clock.advance(DUEL_GRACE);
    const finished = await b.client.event('quiz.finished');
    expect(finished.duel.winnerId).toBe(b.playerId);
  });

  it('acks a kick before the lobby update it causes, and refuses kicks after the game', async () => {
    h = await startHarness();
    const { host, code } = await hostClassic(h, { title: 'K', questions: [q('k1')] }, { countdownMs: 0 });
    const p1 = await joinAs(h, code, 'One');
    const p2 = await joinAs(h, code, 'Two');
    await host.sync();
    const mark = host.mark();
    const id = 'kick-order';
    await host.ok({ type: 'player.kick', id, playerId: p2.playerId });
    const after = host.log.slice(mark).map((m) => m.type);
    const lobby = await host.event('lobby.update', mark);
    expect(after.indexOf('ack')).toBeLessThan(host.log.slice(mark).indexOf(lobby));
    await host.ok({ type: 'quiz.start' });
    await p1.client.ok({ type: 'answer.submit', questionId: 'k1', choice: [1] });
    await host.event('question.result');
    await host.ok({ type: 'question.next' });
    await host.event('quiz.finished');
    expect((await host.fails({ type: 'player.kick', playerId: p1.playerId })).code).toBe('WRONG_PHASE');
  });

  it('frees a seat and a nickname for good when a player leaves', async () => {
    h = await startHarness();
    const { code } = await hostClassic(h, { title: 'L', questions: [q('l1')] }, { maxPlayers: 2 });
    for (let i = 0; i < 20; i++) {
      const p = await joinAs(h, code, 'Same Name');
      await p.client.ok({ type: 'session.leave' });
    }
    const room = h.server.rooms.byCode(code)!;
    expect(room.players.size).toBe(0);
    expect(room.playerCount).toBe(0);
  });

  it('caps screens by live connections, so departed screens never lock the projector out', async () => {
    h = await startHarness();
    const { code } = await hostClassic(h);
    for (let i = 0; i < 60; i++) {
      const screen = await h.connect();
      await screen.ok({ type: 'session.watch', code });
      await screen.close();
    }
    const projector = await h.connect();
    expect((await projector.ok({ type: 'session.watch', code })).role).toBe('screen');
    expect(h.server.rooms.byCode(code)!.screens.size).toBeLessThanOrEqual(51);
  });

  it('does not grant host rights to a resent session.create from a connection without a host token', async () => {
    const secret = 'a-very-secret-signing-key-123456';
    h = await startHarness({ secret });
    const jwt = await new SignJWT({ role: 'host' })
      .setProtectedHeader({ alg: 'HS256' })
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(secret));
    const host = await h.connect({ query: `?token=${jwt}` });
    const create = { type: 'session.create', id: 'create-once', mode: 'classic', bank: { count: 2 } };
    await host.ok(create);
    const intruder = await h.connect();
    const reply = await intruder.request(create);
    expect(reply).toMatchObject({ type: 'error', code: 'UNAUTHORIZED' });
    expect(host.closeInfo).toBeNull();
  });
});
