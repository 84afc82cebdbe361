import { ERROR_CODES } from '@quizwire/protocol';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, hostClassic, joinAs, q, startHarness, type TestClient } from './helpers/client.js';

const COUNTDOWN = 3000;
const GRACE = 300;

/**
 * Codes this server sends. INTERNAL is for faults; TIMEOUT and DISCONNECTED are the SDK's;
 * TOO_LARGE is the parsers' code, while this server's transport closes with 1009 instead.
 */
const SERVER_CODES = ERROR_CODES.filter(
  (c) => !['INTERNAL', 'TIMEOUT', 'DISCONNECTED', 'TOO_LARGE'].includes(c),
);
const seen = new Set<string>();

describe('every error code', () => {
  let h: Harness;
  let host: TestClient;
  let screen: TestClient;
  let code: string;

  beforeEach(async () => {
    h = await startHarness();
    ({ host, code } = await hostClassic(h, {
      title: 't',
      questions: [q('q1'), q('q2', { kind: 'truefalse', options: ['Yes', 'No'], correct: [0] })],
    }));
    screen = await h.connect();
    await screen.ok({ type: 'session.watch', code });
    await screen.event('session.snapshot');
  });
  afterEach(async () => {
    await h.stop();
  });
  afterAll(() => {
    // The whole table was reached (checked once all the cases below have run).
    expect([...seen].sort()).toEqual([...SERVER_CODES].sort());
  });

  /**
   * Run `refuse` and assert it changed nothing the room shows: the screen (which sees every
   * broadcast and the histogram) gets no event, and the room's phase and seq stay put.
   */
  async function refusedWithoutEffect(
    client: TestClient,
    command: Record<string, unknown>,
    expected: string,
  ) {
    const room = [...h.server.rooms.rooms()][0]!;
    const before = { phase: room.phase, seq: room.seq, players: room.playerCount };
    const mark = screen.mark();
    const reply = await client.fails(command);
    expect(reply.code, reply.message).toBe(expected);
    expect(reply.message.length).toBeGreaterThan(0);
    if (command.id !== undefined) expect(reply.id).toBe(command.id);
    seen.add(reply.code);
    await screen.sync();
    expect(screen.log.slice(mark).filter((m) => m.type !== 'pong' && m !== reply)).toEqual([]);
    expect({ phase: room.phase, seq: room.seq, players: room.playerCount }).toEqual(before);
    return reply;
  }

  async function startedWith(...names: string[]) {
    const players = [];
    for (const n of names) players.push(await joinAs(h, code, n));
    await host.ok({ type: 'quiz.start' });
    await host.event('question.next');
    await screen.event('question.next');
    for (const p of players) await p.client.event('question.next');
    return players;
  }

  it('BAD_MESSAGE: not JSON, and a schema violation with details and the id', async () => {
    const c = await h.connect();
    c.send('{not json');
    expect(await c.event('error')).toMatchObject({ code: 'BAD_MESSAGE' });
    expect(c.log[0]!.id).toBeUndefined();
    const reply = await refusedWithoutEffect(
      c,
      { type: 'session.join', id: 'j1', code, nickname: 7 },
      'BAD_MESSAGE',
    );
    expect(reply.details?.[0]).toMatchObject({ path: 'nickname' });
    await refusedWithoutEffect(host, { type: 'player.kick', id: 'k1', playerId: '' }, 'BAD_MESSAGE');
    await refusedWithoutEffect(host, { type: 'quiz.load', id: 'l0' }, 'BAD_MESSAGE');
  });

  it('UNKNOWN_TYPE: a type the protocol does not have, or a server type sent by a client', async () => {
    await refusedWithoutEffect(host, { type: 'quiz.explode', id: 'u1' }, 'UNKNOWN_TYPE');
    await refusedWithoutEffect(host, { type: 'leaderboard', id: 'u2' }, 'UNKNOWN_TYPE');
    await refusedWithoutEffect(host, { type: '__proto__', id: 'u3' }, 'UNKNOWN_TYPE');
  });

  it('TOO_LARGE is never sent: a frame over maxFrameBytes closes the socket with 1009 (protocol v1 §1)', async () => {
    const limit = h.server.config.maxFrameBytes;
    // Exactly at the limit (counted in bytes) is read…
    const atLimit = await h.connect();
    const base = JSON.stringify({ type: 'ping', t: 1 });
    atLimit.send(base + ' '.repeat(limit - base.length));
    expect(await atLimit.event('pong')).toMatchObject({ t: 1 });
    // …one byte more is not: the WebSocket layer closes before the application sees it.
    const over = await h.connect();
    over.send(base + ' '.repeat(limit - base.length + 1));
    expect((await over.closed).code).toBe(1009);
    expect(over.log).toEqual([]);
    // Bytes, not characters: 6000 three-byte characters are 18 000 bytes.
    const wide = await h.connect();
    wide.send(JSON.stringify({ type: 'session.join', id: 'big', code, nickname: '€'.repeat(6000) }));
    expect((await wide.closed).code).toBe(1009);
    expect([...h.server.rooms.rooms()][0]!.playerCount).toBe(0);
  });

  it('ROOM_NOT_FOUND: join, watch and a room that has ended', async () => {
    const c = await h.connect();
    await refusedWithoutEffect(
      c,
      { type: 'session.join', id: 'n1', code: 'ZZZZZZ', nickname: 'x' },
      'ROOM_NOT_FOUND',
    );
    await refusedWithoutEffect(c, { type: 'session.watch', id: 'n2', code: 'ZZZZZZ' }, 'ROOM_NOT_FOUND');
    await host.ok({ type: 'session.end' });
    expect((await c.fails({ type: 'session.join', code, nickname: 'late' })).code).toBe('ROOM_NOT_FOUND');
  });

  it('ROOM_FULL: a classic room at maxPlayers', async () => {
    const small = await h.connect();
    const r = await small.ok({
      type: 'session.create',
      mode: 'classic',
      quiz: { title: 't', questions: [q('q1')] },
      settings: { maxPlayers: 1 },
    });
    await joinAs(h, r.code, 'First');
    const c = await h.connect();
    const reply = await c.fails({ type: 'session.join', code: r.code, nickname: 'Second' });
    expect(reply.code).toBe('ROOM_FULL');
    seen.add(reply.code);
  });

  it('NAME_TAKEN and NAME_INVALID at join, NAME_INVALID at create', async () => {
    await joinAs(h, code, 'Ann');
    const c = await h.connect();
    await refusedWithoutEffect(c, { type: 'session.join', id: 'nm1', code, nickname: 'ANN' }, 'NAME_TAKEN');
    await refusedWithoutEffect(
      c,
      { type: 'session.join', id: 'nm2', code, nickname: 'admin' },
      'NAME_INVALID',
    );
    expect((await c.fails({ type: 'session.create', mode: 'duel', nickname: '\u200B' })).code).toBe(
      'NAME_INVALID',
    );
    expect(h.server.rooms.size).toBe(1);
  });

  it('NOT_ALLOWED: a player sending host commands, a screen answering, a second session', async () => {
    const [a] = await startedWith('Ann');
    const p = a!.client;
    for (const [n, command] of [
      { type: 'quiz.start' },
      { type: 'question.next' },
      { type: 'question.close' },
      { type: 'player.kick', playerId: a!.playerId },
      { type: 'session.end' },
      { type: 'quiz.load', quiz: { title: 'x', questions: [q('z')] } },
      { type: 'duel.rematch' },
    ].entries()) {
      await refusedWithoutEffect(p, { ...command, id: `na-${n}` }, 'NOT_ALLOWED');
    }
    h.clock.advance(COUNTDOWN);
    await refusedWithoutEffect(
      host,
      { type: 'answer.submit', id: 'na-h', questionId: 'q1', choice: [1] },
      'NOT_ALLOWED',
    );
    await refusedWithoutEffect(
      screen,
      { type: 'answer.submit', id: 'na-s', questionId: 'q1', choice: [1] },
      'NOT_ALLOWED',
    );
    await refusedWithoutEffect(screen, { type: 'question.next', id: 'na-s2' }, 'NOT_ALLOWED');
    await refusedWithoutEffect(
      p,
      { type: 'session.join', id: 'na-j', code, nickname: 'Again' },
      'NOT_ALLOWED',
    );
    await refusedWithoutEffect(
      host,
      { type: 'session.create', id: 'na-c', mode: 'classic', bank: { count: 1 } },
      'NOT_ALLOWED',
    );
    expect(h.server.rooms.size).toBe(1);
    // Ann is still in the game and may answer.
    await p.ok({ type: 'answer.submit', questionId: 'q1', choice: [1] });
  });

  it('WRONG_PHASE: starting twice, moving on in the lobby, answering in the countdown, loading mid-game', async () => {
    await refusedWithoutEffect(host, { type: 'quiz.start', id: 'wp0' }, 'WRONG_PHASE'); // nobody joined yet
    await refusedWithoutEffect(host, { type: 'question.next', id: 'wp1' }, 'WRONG_PHASE');
    await refusedWithoutEffect(host, { type: 'question.close', id: 'wp2' }, 'WRONG_PHASE');
    const [a] = await startedWith('Ann');
    await refusedWithoutEffect(host, { type: 'quiz.start', id: 'wp3' }, 'WRONG_PHASE');
    await refusedWithoutEffect(
      a!.client,
      { type: 'answer.submit', id: 'wp4', questionId: 'q1', choice: [1] },
      'WRONG_PHASE',
    );
    await refusedWithoutEffect(
      host,
      { type: 'quiz.load', id: 'wp5', quiz: { title: 'x', questions: [q('z')] } },
      'WRONG_PHASE',
    );
    await refusedWithoutEffect(host, { type: 'question.next', id: 'wp6' }, 'WRONG_PHASE');
  });

  it('TOO_LATE: an answer after deadline + grace, or after the question closed', async () => {
    const [a, b] = await startedWith('Ann', 'Ben');
    const next = await host.event('question.next');
    // Ann answers inside the grace period: it counts.
    h.clock.advance(COUNTDOWN + 10_000 + GRACE - 1);
    expect(h.clock.now()).toBe(next.deadline + GRACE - 1);
    await a!.client.ok({ type: 'answer.submit', questionId: 'q1', choice: [1] });
    h.clock.advance(1);
    await screen.event('question.result');
    await refusedWithoutEffect(
      b!.client,
      { type: 'answer.submit', id: 'late', questionId: 'q1', choice: [1] },
      'TOO_LATE',
    );
    expect((await a!.client.event('player.standing')).last).toMatchObject({ correct: true, points: 500 });
  });

  it('ALREADY_ANSWERED: the first answer stands', async () => {
    const [a] = await startedWith('Ann', 'Ben');
    h.clock.advance(COUNTDOWN);
    await a!.client.ok({ type: 'answer.submit', questionId: 'q1', choice: [0] });
    await screen.event('histogram');
    await refusedWithoutEffect(
      a!.client,
      { type: 'answer.submit', id: 'again', questionId: 'q1', choice: [1] },
      'ALREADY_ANSWERED',
    );
    await host.ok({ type: 'question.close' });
    expect((await host.event('question.result')).counts).toEqual([1, 0, 0, 0]);
  });

  it('INVALID_ANSWER: another question, a missing option, two options for a single choice, a duplicate', async () => {
    const [a] = await startedWith('Ann', 'Ben');
    h.clock.advance(COUNTDOWN);
    const p = a!.client;
    await refusedWithoutEffect(
      p,
      { type: 'answer.submit', id: 'ia1', questionId: 'q2', choice: [0] },
      'INVALID_ANSWER',
    );
    await refusedWithoutEffect(
      p,
      { type: 'answer.submit', id: 'ia2', questionId: 'q1', choice: [4] },
      'INVALID_ANSWER',
    );
    await refusedWithoutEffect(
      p,
      { type: 'answer.submit', id: 'ia3', questionId: 'q1', choice: [0, 1] },
      'INVALID_ANSWER',
    );
    // A duplicate index is refused by the schema already (BAD_MESSAGE), before the room sees it.
    await refusedWithoutEffect(
      p,
      { type: 'answer.submit', id: 'ia4', questionId: 'q1', choice: [1, 1] },
      'BAD_MESSAGE',
    );
    // None of them used up the answer.
    await p.ok({ type: 'answer.submit', questionId: 'q1', choice: [1] });
  });

  it('INVALID_QUIZ: duplicate question ids at create and at load', async () => {
    const c = await h.connect();
    const dup = { title: 'dup', questions: [q('same'), q('same')] };
    const reply = await c.fails({ type: 'session.create', mode: 'classic', quiz: dup });
    expect(reply).toMatchObject({ code: 'INVALID_QUIZ', details: [{ path: 'quiz.questions.1.id' }] });
    expect(h.server.rooms.size).toBe(1);
    await refusedWithoutEffect(host, { type: 'quiz.load', id: 'iq', quiz: dup }, 'INVALID_QUIZ');
    // The room kept its quiz.
    expect([...h.server.rooms.rooms()][0]!.questions.map((x) => x.id)).toEqual(['q1', 'q2']);
  });

  it('RATE_LIMITED: a burst over the bucket, and the refused command did nothing', async () => {
    const burst = h.server.config.rateLimitBurst;
    const c = await h.connect();
    for (let i = 0; i < burst; i++) c.send({ type: 'ping', t: i });
    c.send({ type: 'session.join', id: 'over', code, nickname: 'Flood' });
    const reply = await c.waitFor((m) => m.id === 'over');
    expect(reply).toMatchObject({ type: 'error', code: 'RATE_LIMITED' });
    seen.add('RATE_LIMITED');
    expect([...h.server.rooms.rooms()][0]!.playerCount).toBe(0);
    // Tokens come back with (fake) time.
    h.clock.advance(1000);
    expect((await c.ok({ type: 'session.join', code, nickname: 'Patient' })).nickname).toBe('Patient');
  });

  it('UNAUTHORIZED: resuming with an unknown token', async () => {
    const c = await h.connect();
    await refusedWithoutEffect(
      c,
      { type: 'session.resume', id: 'ua', resumeToken: 'not-a-token', lastSeq: 0 },
      'UNAUTHORIZED',
    );
  });

  it('NO_SESSION: in-room commands on a fresh connection', async () => {
    const c = await h.connect();
    for (const [n, command] of [
      { type: 'answer.submit', questionId: 'q1', choice: [1] },
      { type: 'quiz.start' },
      { type: 'session.leave' },
      { type: 'session.end' },
      { type: 'player.kick', playerId: 'p_x' },
    ].entries()) {
      await refusedWithoutEffect(c, { ...command, id: `ns-${n}` }, 'NO_SESSION');
    }
  });
});
