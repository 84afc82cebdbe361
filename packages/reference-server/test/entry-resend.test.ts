import { randomUUID } from 'node:crypto';
import { Limits } from '@quizwire/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, hostClassic, startHarness } from './helpers/client.js';

const QUIZ = {
  title: 'Resend',
  questions: [{ kind: 'truefalse', prompt: 'The sky is blue?', options: ['True', 'False'], correct: [0] }],
};

describe('entry commands resent on a new connection', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.stop();
  });

  it('binds a resent join with an unguessable id to the seat the first copy made', async () => {
    const { host, code } = await hostClassic(h);
    const join = { type: 'session.join', id: randomUUID(), code, nickname: 'Ann' };
    const first = await h.connect();
    const ack = await first.ok(join);
    await first.event('session.snapshot');
    await first.drop(); // the ack "was lost": the client only knows it sent the command

    const again = await h.connect();
    const reply = await again.request(join);
    expect(reply).toEqual({ type: 'ack', id: join.id, result: ack });
    const snapshot = await again.event('session.snapshot');
    expect(snapshot.you.playerId).toBe(ack.playerId);
    expect(snapshot.playerCount).toBe(1);
    await host.sync();
    expect(host.all('lobby.update').at(-1)?.count).toBe(1);
  });

  it('never hands a host seat to a stranger who repeats a short create id', async () => {
    const create = { type: 'session.create', id: 'c1', mode: 'classic', quiz: QUIZ };
    expect(create.id.length).toBeLessThan(Limits.MIN_RESENDABLE_ENTRY_ID_LENGTH);
    const victim = await h.connect();
    const mine = await victim.ok(create);
    const stranger = await h.connect();
    const theirs = await stranger.ok(create);
    expect(theirs.code).not.toBe(mine.code);
    expect(theirs.resumeToken).not.toBe(mine.resumeToken);
  });

  it('never hands a player seat to a stranger who repeats a short join id', async () => {
    const { host, code } = await hostClassic(h);
    const join = { type: 'session.join', id: 'j1', code, nickname: 'Ann' };
    const ann = await h.connect();
    const ack = await ann.ok(join);
    const stranger = await h.connect();
    const refused = await stranger.fails(join);
    expect(refused.code).toBe('NAME_TAKEN');
    // Ann keeps her seat and her connection.
    await ann.sync();
    expect(ann.closeInfo).toBeNull();
    await host.sync();
    const lobby = host.all('lobby.update').at(-1);
    expect(lobby?.players).toEqual([{ id: ack.playerId, nickname: 'Ann', connected: true }]);
  });
});
