import { describe, expect, it } from 'vitest';
import { createQuizClient } from '../src/client.js';
import { memoryStorage } from '../src/storage.js';
import { fakeWebSocket } from './helpers/fake-socket.js';
import { FakeTimers } from './helpers/fake-timers.js';
import { next, snapshot } from './helpers/messages.js';

function setup(storage = memoryStorage()) {
  const timers = new FakeTimers();
  const ws = fakeWebSocket();
  const client = createQuizClient({
    url: 'ws://test/ws',
    WebSocket: ws.WebSocket,
    storage,
    timers,
    backoff: () => 100,
    commandTimeoutMs: 10_000,
  });
  return { client, timers, ws, storage };
}

/** Join as player p1 and reach an open question. */
async function joined(storage = memoryStorage()) {
  const t = setup(storage);
  const join = t.client.player.join({ code: 'ABCD', nickname: 'Ada' });
  t.ws.last().open();
  const [cmd] = t.ws.last().commands();
  t.ws.last().receive({
    type: 'ack',
    id: cmd!.id,
    result: { code: 'ABCD', role: 'player', playerId: 'p1', nickname: 'Ada', resumeToken: 'tok' },
  });
  t.ws.last().receive(snapshot(3));
  t.ws.last().receive(next(4));
  await join;
  return t;
}

describe('delivery', () => {
  it('sends a command only once the socket is open, and resolves with the ack result', async () => {
    const { client, ws } = setup();
    const join = client.player.join({ code: 'ABCD', nickname: 'Ada' });
    expect(ws.sockets).toHaveLength(1);
    expect(ws.last().sent).toEqual([]);
    ws.last().open();
    const [cmd] = ws.last().commands();
    expect(cmd).toMatchObject({ type: 'session.join', code: 'ABCD', nickname: 'Ada' });
    ws.last().receive({
      type: 'ack',
      id: cmd!.id,
      result: { code: 'ABCD', role: 'player', playerId: 'p1', nickname: 'Ada', resumeToken: 'tok' },
    });
    await expect(join).resolves.toMatchObject({ playerId: 'p1' });
  });

  it('rejects with the server code in a QuizError', async () => {
    const { client, ws } = setup();
    const join = client.player.join({ code: 'NOPE' });
    ws.last().open();
    const [cmd] = ws.last().commands();
    ws.last().receive({ type: 'error', id: cmd!.id, code: 'ROOM_NOT_FOUND', message: 'no such room' });
    await expect(join).rejects.toMatchObject({
      name: 'QuizError',
      code: 'ROOM_NOT_FOUND',
      message: 'no such room',
    });
  });

  it('resumes first on reconnect, then resends pending commands with the same ids, then flushes outgoing', async () => {
    const { client, ws, timers } = await joined();
    client.player.answer([1]);
    const answer = ws.last().commands().at(-1)!;
    expect(answer).toMatchObject({ type: 'answer.submit', questionId: 'q1', choice: [1] });
    ws.last().serverClose(1006);
    expect(client.$connection.get()).toMatchObject({ state: 'reconnecting', attempt: 1, closeCode: 1006 });
    client.host.next().catch(() => {}); // outgoing: never sent yet
    timers.advance(100);
    const socket = ws.last();
    expect(ws.sockets).toHaveLength(2);
    socket.open();
    expect(socket.commands().map((m) => m.type)).toEqual(['session.resume']);
    expect(socket.commands()[0]).toMatchObject({ resumeToken: 'tok', lastSeq: 4 });
    socket.receive({
      type: 'ack',
      id: socket.commands()[0]!.id,
      result: { code: 'ABCD', role: 'player', recovered: true },
    });
    expect(socket.commands().map((m) => m.type)).toEqual([
      'session.resume',
      'answer.submit',
      'question.next',
    ]);
    expect(socket.commands()[1]!.id).toBe(answer.id);
    expect(client.$connection.get()).toMatchObject({ state: 'open', recovered: true, attempt: 0 });
  });

  it('persists an unacknowledged answer so a new instance resends it with its original id', async () => {
    const storage = memoryStorage();
    const first = await joined(storage);
    first.client.player.answer([2]).catch(() => {});
    const answer = first.ws.last().commands().at(-1)!;
    first.client.close(); // the page goes away; the ack never came
    const second = setup(storage);
    expect(second.client.resumable).toBe(true);
    second.client.connect();
    const socket = second.ws.last();
    socket.open();
    const resume = socket.commands()[0]!;
    expect(resume).toMatchObject({ type: 'session.resume', resumeToken: 'tok', lastSeq: -1 });
    socket.receive({
      type: 'ack',
      id: resume.id,
      result: { code: 'ABCD', role: 'player', recovered: false },
    });
    socket.receive(snapshot(7, { phase: 'question', question: { ...next(0), yourChoice: null } }));
    expect(second.client.$myAnswer.get()).toMatchObject({ questionId: 'q1', choice: [2], status: 'sending' });
    const resent = socket.commands().find((m) => m.type === 'answer.submit');
    expect(resent).toEqual(answer);
    socket.receive({ type: 'ack', id: answer.id, result: { questionId: 'q1', receivedAt: 1 } });
    expect(second.client.$myAnswer.get()).toMatchObject({ status: 'accepted' });
    expect(JSON.parse(storage.getItem('quizwire')!).answers).toEqual([]);
  });

  it('resumes on a gap in the event stream and applies the replay in one batch at the pong behind it', async () => {
    const { client, ws } = await joined();
    const socket = ws.last();
    const phases: string[] = [];
    client.$session.listen((s) => phases.push(`${s?.phase}:${s?.playerCount}`));
    socket.receive({ type: 'leaderboard', seq: 7, top: [], total: 1 }); // 5 and 6 are missing
    const resume = socket.commands().at(-1)!;
    expect(resume).toMatchObject({ type: 'session.resume', resumeToken: 'tok', lastSeq: 4 });
    expect(socket.sent.at(-1)).toMatchObject({ type: 'ping' });
    socket.receive({ type: 'ack', id: resume.id, result: { code: 'ABCD', role: 'player', recovered: true } });
    socket.receive({ type: 'lobby.update', seq: 5, players: [], count: 2 });
    socket.receive({
      type: 'question.result',
      seq: 6,
      questionId: 'q1',
      correct: [1],
      counts: [0, 0, 0],
      answered: 0,
      total: 2,
    });
    socket.receive({ type: 'leaderboard', seq: 7, top: [], total: 2 });
    expect(phases).toEqual([]);
    socket.receive({ type: 'pong', t: 0, serverTime: 1 });
    expect(phases).toEqual(['leaderboard:2']);
    expect(client.$connection.get().recovered).toBe(true);
    // Nothing was resent: the socket never went away.
    expect(socket.commands().filter((m) => m.type !== 'session.resume')).toHaveLength(1);
  });

  it('rejects a command with TIMEOUT when no reply comes within commandTimeoutMs', async () => {
    const { client, timers } = await joined();
    const answer = client.player.answer([0]);
    timers.advance(10_000);
    await expect(answer).rejects.toMatchObject({ code: 'TIMEOUT' });
    expect(client.$myAnswer.get()).toMatchObject({ status: 'rejected', error: { code: 'TIMEOUT' } });
  });

  it('stops on a fatal close code, says why, and rejects waiting commands', async () => {
    const { client, ws, timers, storage } = await joined();
    const answer = client.player.answer([0]);
    ws.last().receive({ type: 'player.kicked', reason: 'removed by the host' });
    ws.last().serverClose(4002, 'kicked');
    await expect(answer).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    expect(client.$connection.get()).toMatchObject({
      state: 'closed',
      closeCode: 4002,
      error: { code: 'UNAUTHORIZED' },
    });
    timers.advance(60_000);
    expect(ws.sockets).toHaveLength(1);
    expect(storage.getItem('quizwire')).toBeNull();
  });

  it('rejects waiting commands with DISCONNECTED on close() and keeps the stored session', async () => {
    const { client, storage } = await joined();
    const answer = client.player.answer([0]);
    client.close();
    await expect(answer).rejects.toMatchObject({ code: 'DISCONNECTED' });
    expect(client.$connection.get().state).toBe('closed');
    expect(JSON.parse(storage.getItem('quizwire')!).resumeToken).toBe('tok');
    await expect(client.host.start()).rejects.toMatchObject({ code: 'DISCONNECTED' });
  });

  it('walks the connection states and asks the backoff for each attempt', () => {
    const timers = new FakeTimers();
    const ws = fakeWebSocket();
    const attempts: number[] = [];
    const client = createQuizClient({
      url: 'ws://test/ws',
      WebSocket: ws.WebSocket,
      storage: null,
      timers,
      backoff: (attempt) => {
        attempts.push(attempt);
        return 1000 * attempt;
      },
    });
    const states: string[] = [];
    client.$connection.subscribe((c) => states.push(c.state));
    client.connect();
    ws.last().serverClose(1006);
    timers.advance(1000);
    ws.last().serverClose(1006);
    timers.advance(1999);
    expect(ws.sockets).toHaveLength(2);
    timers.advance(1);
    ws.last().open();
    expect(attempts).toEqual([1, 2]);
    expect(states).toEqual(['idle', 'connecting', 'reconnecting', 'reconnecting', 'open']);
    client.close();
    expect(client.$connection.get().state).toBe('closed');
  });

  it('replaces a socket that went silent for two ping intervals', () => {
    const timers = new FakeTimers();
    const ws = fakeWebSocket();
    const client = createQuizClient({
      url: 'ws://test/ws',
      WebSocket: ws.WebSocket,
      storage: null,
      timers,
      pingIntervalMs: 1000,
      backoff: () => 0,
    });
    client.connect();
    ws.last().open();
    timers.advance(2000);
    expect(ws.sockets).toHaveLength(1);
    timers.advance(1000);
    expect(ws.sockets).toHaveLength(2);
    expect(client.$connection.get()).toMatchObject({ closeCode: 4006 });
  });

  it('drops the socket when the browser goes offline and retries at once when it is back online', () => {
    const listeners = new Map<string, () => void>();
    const g = globalThis as { addEventListener?: unknown; removeEventListener?: unknown };
    g.addEventListener = (type: string, fn: () => void) => listeners.set(type, fn);
    g.removeEventListener = (type: string) => listeners.delete(type);
    try {
      const timers = new FakeTimers();
      const ws = fakeWebSocket();
      const client = createQuizClient({
        url: 'ws://test/ws',
        WebSocket: ws.WebSocket,
        storage: null,
        timers,
        backoff: () => 60_000,
      });
      client.connect();
      ws.last().open();
      expect([...listeners.keys()].sort()).toEqual(['offline', 'online']);
      listeners.get('offline')!();
      expect(client.$connection.get()).toMatchObject({ state: 'reconnecting', attempt: 1 });
      expect(ws.last().closedWith).toBe(4000);
      listeners.get('online')!(); // no need to wait out the minute of backoff
      expect(ws.sockets).toHaveLength(2);
      ws.last().open();
      expect(client.$connection.get().state).toBe('open');
      client.close();
      expect(listeners.size).toBe(0);
    } finally {
      delete g.addEventListener;
      delete g.removeEventListener;
    }
  });

  it('estimates the server clock from pongs', () => {
    const timers = new FakeTimers(1_000);
    const ws = fakeWebSocket();
    const client = createQuizClient({ url: 'ws://test/ws', WebSocket: ws.WebSocket, storage: null, timers });
    client.connect();
    ws.last().open();
    const ping = ws.last().sent.find((m) => m.type === 'ping')!;
    timers.advance(50);
    ws.last().receive({ type: 'pong', t: ping.t, serverTime: 1_000_025 });
    // The server read its clock halfway through the 50 ms round trip.
    expect(client.serverNow()).toBe(1_000_025 + 25);
  });

  it('ticks $timeLeft only while it has subscribers', async () => {
    const { client, timers } = await joined();
    const before = timers.pending;
    const seen: (number | null)[] = [];
    const off = client.$timeLeft.subscribe((left) => seen.push(left));
    expect(timers.pending).toBe(before + 1);
    timers.advance(500);
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.at(-1)!).toBeLessThan(seen[0]!);
    off();
    expect(timers.pending).toBe(before);
  });

  it('delivers typed events to on() subscribers until they unsubscribe', async () => {
    const { client, ws } = await joined();
    const seen: string[] = [];
    const off = client.on('question.result', (m) => seen.push(m.questionId));
    ws.last().receive({
      type: 'question.result',
      seq: 5,
      questionId: 'q1',
      correct: [1],
      counts: [0, 1, 0],
      answered: 1,
      total: 1,
    });
    off();
    ws.last().receive({
      type: 'question.result',
      seq: 6,
      questionId: 'q1',
      correct: [1],
      counts: [0, 1, 0],
      answered: 1,
      total: 1,
    });
    expect(seen).toEqual(['q1']);
  });
});
