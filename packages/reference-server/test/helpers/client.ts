/**
 * A scripted Quizwire client for the server's tests: a real `ws` socket speaking
 * `quizwire.v1`, a log of every server message, promises for replies and events, and the
 * close code. Nothing here sleeps: waits end on events, and vitest's timeout bounds them.
 */
import type { ServerMessage } from '@quizwire/protocol';
import { SUBPROTOCOL } from '@quizwire/protocol';
import { WebSocket } from 'ws';
import { FakeClock } from '../../src/clock.js';
import { type QuizServer, type ServerOptions, startServer } from '../../src/server.js';

/** Any server message, loosely typed so tests can read fields without narrowing first. */
// biome-ignore lint/suspicious/noExplicitAny: test messages are read field by field
export type Msg = ServerMessage & Record<string, any>;

/** A reply to a command: an `ack` or an `error`. */
// biome-ignore lint/suspicious/noExplicitAny: results differ per command
export type Reply = { type: 'ack'; id: string; result: Record<string, any> } | ErrorReply;
export interface ErrorReply {
  type: 'error';
  id?: string;
  code: string;
  message: string;
  details?: Array<{ path: string; message: string }>;
}

export interface Closed {
  code: number;
  reason: string;
}

interface Waiter {
  from: number;
  predicate: (m: Msg) => boolean;
  resolve: (m: Msg) => void;
}

let counter = 0;
/** A fresh command id, unique within the test process. */
export const nextId = (prefix = 'c') => `${prefix}-${++counter}`;

export interface ConnectOptions {
  /** Subprotocols to offer. @default ['quizwire.v1'] */
  protocols?: string[];
  headers?: Record<string, string>;
  /** Appended to the URL, e.g. `?token=…`. */
  query?: string;
  /** Answer WebSocket pings (false plays a dead peer). @default true */
  autoPong?: boolean;
}

export class TestClient {
  readonly ws: WebSocket;
  /** Every server message, in arrival order. */
  readonly log: Msg[] = [];
  /** Every frame as received, parallel to {@link log} (for byte-for-byte comparisons). */
  readonly frames: string[] = [];
  /** Raw frames that were not JSON (should stay empty). */
  readonly garbage: string[] = [];
  readonly opened: Promise<void>;
  readonly closed: Promise<Closed>;
  closeInfo: Closed | null = null;
  #waiters = new Set<Waiter>();

  constructor(url: string, options: ConnectOptions = {}) {
    this.ws = new WebSocket(url + (options.query ?? ''), options.protocols ?? [SUBPROTOCOL], {
      headers: options.headers,
      autoPong: options.autoPong ?? true,
    });
    this.opened = new Promise((resolve, reject) => {
      this.ws.once('open', () => resolve());
      this.ws.once('error', reject);
      this.ws.once('unexpected-response', (req, res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => {
          body += chunk.toString();
        });
        res.on('end', () => {
          req.destroy();
          reject(
            Object.assign(new Error(`upgrade refused: ${res.statusCode}`), { status: res.statusCode, body }),
          );
        });
      });
    });
    // A refused upgrade rejects `opened`; tests that expect it await that promise.
    this.opened.catch(() => {});
    this.closed = new Promise((resolve) => {
      this.ws.on('close', (code, reason) => {
        this.closeInfo = { code, reason: reason.toString() };
        resolve(this.closeInfo);
      });
    });
    this.ws.on('error', () => {});
    this.ws.on('message', (data, isBinary) => {
      const text = data.toString();
      // Protocol §1: every message is a UTF-8 text frame; a binary one is a server bug.
      if (isBinary) {
        this.garbage.push(`binary frame: ${text.slice(0, 80)}`);
        return;
      }
      let msg: Msg;
      try {
        msg = JSON.parse(text);
      } catch {
        this.garbage.push(text);
        return;
      }
      const index = this.log.length;
      this.log.push(msg);
      this.frames.push(text);
      for (const w of this.#waiters) {
        if (index >= w.from && w.predicate(msg)) {
          this.#waiters.delete(w);
          w.resolve(msg);
        }
      }
    });
  }

  /** Index of the next message to arrive: pass it to {@link waitFor} to skip older ones. */
  mark(): number {
    return this.log.length;
  }

  /** Send a value as JSON, or a string as is. */
  send(message: unknown): void {
    this.ws.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  /** The first message at index ≥ `from` that matches. */
  waitFor(predicate: (m: Msg) => boolean, from = 0): Promise<Msg> {
    for (let i = from; i < this.log.length; i++) {
      const m = this.log[i]!;
      if (predicate(m)) return Promise.resolve(m);
    }
    return new Promise((resolve) => this.#waiters.add({ from, predicate, resolve }));
  }

  /** The first message of `type` at index ≥ `from`. */
  event(type: string, from = 0): Promise<Msg> {
    return this.waitFor((m) => m.type === type, from);
  }

  /** Resolve once `count` messages matching `predicate` have arrived at index ≥ `from`. */
  async waitForCount(predicate: (m: Msg) => boolean, count: number, from = 0): Promise<Msg[]> {
    const found: Msg[] = [];
    let at = from;
    while (found.length < count) {
      const m = await this.waitFor(predicate, at);
      found.push(m);
      at = this.log.indexOf(m, at) + 1;
    }
    return found;
  }

  /** Send a command (an id is added when missing) and resolve with its first reply. */
  async request(command: Record<string, unknown>): Promise<Reply> {
    const id = (command.id as string | undefined) ?? nextId(String(command.type));
    const from = this.mark();
    const reply = this.waitFor((m) => (m.type === 'ack' || m.type === 'error') && m.id === id, from);
    this.send({ ...command, id });
    return (await reply) as unknown as Reply;
  }

  /** Like {@link request}, but fails the test unless the reply is an `ack`; returns its result. */
  // biome-ignore lint/suspicious/noExplicitAny: results differ per command
  async ok(command: Record<string, unknown>): Promise<Record<string, any>> {
    const reply = await this.request(command);
    if (reply.type !== 'ack') throw new Error(`${command.type} failed: ${reply.code} ${reply.message}`);
    return reply.result;
  }

  /** Like {@link request}, but returns the error (fails unless the reply is an `error`). */
  async fails(command: Record<string, unknown>): Promise<ErrorReply> {
    const reply = await this.request(command);
    if (reply.type !== 'error') throw new Error(`${command.type} unexpectedly succeeded`);
    return reply;
  }

  /**
   * A round trip (`ping` → `pong`): everything this client sent before has been handled by
   * the server once it resolves.
   */
  async sync(): Promise<void> {
    const t = 1_000 + ++counter;
    const from = this.mark();
    const pong = this.waitFor((m) => m.type === 'pong' && m.t === t, from);
    this.send({ type: 'ping', t });
    await pong;
  }

  /** Every message of `type` received so far. */
  all(type: string): Msg[] {
    return this.log.filter((m) => m.type === type);
  }

  /** Sequenced events (those with a numeric `seq`, snapshots excluded) from index `from`. */
  sequenced(from = 0): Msg[] {
    return this.log.slice(from).filter((m) => typeof m.seq === 'number' && m.type !== 'session.snapshot');
  }

  /** Close from the client side and wait until the socket is closed. */
  async close(code = 1000): Promise<Closed> {
    if (this.ws.readyState === WebSocket.CLOSED) return this.closeInfo ?? { code: 1006, reason: '' };
    if (this.ws.readyState === WebSocket.CONNECTING) {
      // A refused or pending upgrade: nothing to hand-shake with.
      this.ws.terminate();
      return { code: 1006, reason: '' };
    }
    this.ws.close(code);
    return this.closed;
  }

  /** Drop the TCP connection without a close handshake (a network loss). */
  async drop(): Promise<Closed> {
    this.ws.terminate();
    return this.closed;
  }
}

/** A server on a random port with a fake clock, and a client factory that cleans up. */
export interface Harness {
  server: QuizServer;
  clock: FakeClock;
  /** Connect a client and wait for the socket to open. */
  connect(options?: ConnectOptions): Promise<TestClient>;
  /** Connect without waiting (for refused upgrades). */
  connectRaw(options?: ConnectOptions): TestClient;
  /** Close every client and the server. */
  stop(): Promise<void>;
}

export async function startHarness(overrides: ServerOptions = {}): Promise<Harness> {
  const clock = new FakeClock();
  const server = await startServer({ port: 0, host: '127.0.0.1', logger: false, clock, ...overrides });
  const clients = new Set<TestClient>();
  const connectRaw = (options?: ConnectOptions) => {
    const c = new TestClient(server.url, options);
    clients.add(c);
    return c;
  };
  return {
    server,
    clock,
    connectRaw,
    async connect(options) {
      const c = connectRaw(options);
      await c.opened;
      return c;
    },
    async stop() {
      await Promise.all([...clients].map((c) => c.close().catch(() => undefined)));
      await server.close();
    },
  };
}

/** A question for inline quizzes. */
export function q(
  id: string,
  extra: Partial<{
    kind: 'single' | 'multiple' | 'truefalse' | 'poll';
    options: string[];
    correct: number[];
    timeLimitMs: number;
    points: 'standard' | 'double' | 'none';
    explanation: string;
  }> = {},
) {
  return {
    id,
    kind: 'single' as const,
    prompt: `Question ${id}?`,
    options: ['Alpha', 'Bravo', 'Charlie', 'Delta'],
    correct: [1],
    timeLimitMs: 10_000,
    ...extra,
  };
}

/** Open a classic room and return the host client and the join code. */
export async function hostClassic(
  h: Harness,
  quiz: { title: string; questions: unknown[] } = { title: 'Test quiz', questions: [q('q1'), q('q2')] },
  settings: Record<string, unknown> = {},
): Promise<{ host: TestClient; code: string; hostToken: string }> {
  const host = await h.connect();
  const result = await host.ok({ type: 'session.create', mode: 'classic', quiz, settings });
  await host.event('session.snapshot');
  return { host, code: result.code, hostToken: result.resumeToken };
}

export interface Joined {
  client: TestClient;
  playerId: string;
  nickname: string;
  token: string;
}

/** Connect a player and join `code`. */
export async function joinAs(h: Harness, code: string, nickname: string): Promise<Joined> {
  const client = await h.connect();
  const r = await client.ok({ type: 'session.join', code, nickname });
  await client.event('session.snapshot');
  return { client, playerId: r.playerId, nickname: r.nickname, token: r.resumeToken };
}

/**
 * Wait until server-side state that has no event of its own (e.g. a socket close was
 * handled) holds. Checks once per event-loop turn: no timers, vitest's timeout bounds it.
 */
export async function until(predicate: () => boolean): Promise<void> {
  while (!predicate()) await new Promise((resolve) => setImmediate(resolve));
}
