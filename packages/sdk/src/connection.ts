import { CloseCode, type ErrorCode, FATAL_CLOSE_CODES, SUBPROTOCOL } from '@quizwire/protocol';
import type { WritableAtom } from 'nanostores';
import type { Backoff } from './backoff.js';
import { QuizError, toQuizError } from './errors.js';
import { type ConnectionInfo, ConnectionState } from './stores.js';
import type { Timers } from './timers.js';

/**
 * The part of a WebSocket the SDK touches. The browser's `WebSocket` and the `ws` package's
 * both fit; handlers are typed loosely here because the two declare their event types
 * differently.
 */
export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: unknown;
  onmessage: unknown;
  onclose: unknown;
  onerror: unknown;
}

/** A WebSocket class: `globalThis.WebSocket` in browsers, `WebSocket` from `ws` in Node. */
export type WebSocketConstructor = new (url: string, protocols?: string | string[]) => WebSocketLike;

/** Log levels of the `logger` option. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
/** Receives the SDK's diagnostics. */
export type Logger = (level: LogLevel, message: string, data?: unknown) => void;

interface Handlers {
  onopen: (() => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number; reason: string }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  binaryType: string;
  terminate?: () => void;
}

/**
 * The guard of the connection state machine: `idle` and `closed` lead only to `connecting`;
 * a started connection moves between `open` and `reconnecting` until it is `closed`.
 */
const canMove = (from: ConnectionState, to: ConnectionState) =>
  from === 'idle' || from === 'closed'
    ? to === 'connecting' || (from === 'idle' && to === 'closed')
    : to !== 'idle' && to !== 'connecting';

/** Why a fatal close code stops the client, worded for people. */
const FATAL: Record<number, [ErrorCode, string]> = {
  [CloseCode.UNAUTHORIZED]: ['UNAUTHORIZED', 'session no longer valid'],
  [CloseCode.KICKED]: ['UNAUTHORIZED', 'removed by the host'],
  [CloseCode.ROOM_CLOSED]: ['ROOM_NOT_FOUND', 'the room has closed'],
  [CloseCode.REPLACED]: ['DISCONNECTED', 'resumed on another connection'],
};

/** Options of {@link createConnection}. */
export interface ConnectionOptions {
  url: string;
  WebSocket: WebSocketConstructor;
  backoff: Backoff;
  timers: Timers;
  autoReconnect: boolean;
  log: Logger;
  $state: WritableAtom<ConnectionInfo>;
  /** The socket opened. */
  onOpen(): void;
  /** A text frame arrived. */
  onMessage(data: string): void;
  /** The socket is gone (before any reconnect is scheduled); `fatal` is set for fatal close codes. */
  onDown(code: number, fatal: QuizError | null): void;
  /** The page came back (online, visible) while the socket looks open: check it is alive. */
  onWake(): void;
}

/** Owns the socket: opens it, reconnects with backoff, stops on fatal codes. */
export interface Connection {
  /** Open the socket (from `idle` or `closed`). */
  connect(): void;
  /** Close for good. */
  close(): void;
  /** Abandon the current socket (it looks dead) and reconnect. */
  drop(code: number): void;
  /** Send a frame if the socket is open. */
  send(data: string): void;
}

export function createConnection(o: ConnectionOptions): Connection {
  const { timers, log, $state } = o;
  let socket: WebSocketLike | null = null;
  let retry: unknown = null;
  let attempt = 0;
  let listening = false;

  const move = (state: ConnectionState, fields: Partial<ConnectionInfo> = {}) => {
    const current = $state.get();
    if (canMove(current.state, state)) $state.set({ ...current, ...fields, state });
  };

  /** Let go of a socket: no more events from it, and close (or cut, with `ws`) its link. */
  const release = (code: number) => {
    const h = socket as unknown as Handlers | null;
    socket = null;
    if (!h) return;
    h.onopen = h.onmessage = h.onclose = null;
    // Keep an error handler: `ws` throws on an unhandled 'error' (e.g. closing while connecting).
    h.onerror = () => {};
    // `ws` can cut a dead TCP link at once; a browser socket can only be asked to close.
    if (code !== CloseCode.NORMAL && h.terminate) h.terminate();
    else (h as unknown as WebSocketLike).close(code === CloseCode.NORMAL ? code : 4000);
  };

  const stop = (fields: Partial<ConnectionInfo>) => {
    timers.clearTimeout(retry);
    retry = null;
    listen(false);
    move(ConnectionState.CLOSED, fields);
  };

  const down = (
    code: number,
    reason: string,
    error = new QuizError('DISCONNECTED', `connection lost (${code})`),
  ) => {
    socket = null;
    const [why, text] = FATAL[code] ?? [];
    const fatal =
      why && FATAL_CLOSE_CODES.includes(code)
        ? new QuizError(why, reason ? `${text}: ${reason}` : text!)
        : null;
    o.onDown(code, fatal);
    if (fatal || !o.autoReconnect) {
      return stop({ closeCode: code, error: fatal ?? error });
    }
    attempt++;
    const delay = Math.max(0, o.backoff(attempt));
    log('info', `connection lost (${code}); retry ${attempt} in ${delay} ms`, reason);
    move(ConnectionState.RECONNECTING, { attempt, closeCode: code, error });
    retry = timers.setTimeout(open, delay);
  };

  function open() {
    retry = null;
    let ws: WebSocketLike;
    try {
      ws = new o.WebSocket(o.url, SUBPROTOCOL);
    } catch (e) {
      down(1006, '', toQuizError(e, 'DISCONNECTED'));
      return;
    }
    socket = ws;
    const h = ws as unknown as Handlers;
    // Frames are JSON text; should a server send them as binary, read them all the same.
    h.binaryType = 'arraybuffer';
    h.onerror = () => {};
    h.onopen = () => {
      attempt = 0;
      move(ConnectionState.OPEN, { attempt: 0, closeCode: null, error: null });
      o.onOpen();
    };
    h.onmessage = ({ data }) =>
      o.onMessage(typeof data === 'string' ? data : new TextDecoder().decode(data as ArrayBuffer));
    h.onclose = (event) => {
      h.onclose = h.onmessage = null;
      down(event.code, event.reason);
    };
  }

  // Browsers: come back at once when the network or the tab does, instead of waiting out the backoff.
  const wake = () => {
    if (retry !== null) {
      timers.clearTimeout(retry);
      open();
    } else if (socket) o.onWake();
  };
  // Offline, the socket is dead even if it does not know yet: start over now, not at the heartbeat.
  const offline = () => drop(1006);
  const onVisibility = () => {
    if ((globalThis as { document?: { visibilityState?: string } }).document?.visibilityState === 'visible')
      wake();
  };
  type Target = Partial<
    Record<'addEventListener' | 'removeEventListener', (t: string, f: () => void) => void>
  >;
  function drop(code: number): void {
    if (!socket) return;
    release(code);
    down(code, '');
  }

  function listen(on: boolean): void {
    if (listening === on) return;
    listening = on;
    const method = on ? 'addEventListener' : 'removeEventListener';
    const g = globalThis as Target & { document?: Target };
    g[method]?.('online', wake);
    g[method]?.('offline', offline);
    g.document?.[method]?.('visibilitychange', onVisibility);
  }

  return {
    connect() {
      const { state } = $state.get();
      if (state !== ConnectionState.IDLE && state !== ConnectionState.CLOSED) return;
      attempt = 0;
      move(ConnectionState.CONNECTING, { attempt: 0, closeCode: null, error: null });
      listen(true);
      open();
    },
    close() {
      release(CloseCode.NORMAL);
      stop({ closeCode: CloseCode.NORMAL });
    },
    drop,
    send(data) {
      // Not open: the frame is lost, which the outbox and resume are there for.
      if (socket?.readyState === 1) socket.send(data);
    },
  };
}
