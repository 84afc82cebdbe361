import type {
  AnswerResult,
  BankRequest,
  ClientMessageOf,
  CommandResults,
  CreateResult,
  GameSettings,
  JoinResult,
  LoadResult,
  Mode,
  Quiz,
  ServerMessage,
  ServerMessageOf,
  WatchResult,
} from '@quizwire/protocol';
import type { ReadableAtom } from 'nanostores';
import type { Backoff } from './backoff.js';
import type { Logger, WebSocketConstructor } from './connection.js';
import type { StorageLike } from './storage.js';
import type {
  ConnectionInfo,
  DuelInfo,
  FinishedInfo,
  GenerationInfo,
  HistogramInfo,
  LeaderboardInfo,
  MyAnswer,
  QuestionInfo,
  ResultInfo,
  SessionInfo,
  Standing,
} from './stores.js';
import type { Timers } from './timers.js';

/** Options of {@link createQuizClient}. */
export interface QuizClientOptions {
  /**
   * WebSocket endpoint of a Quizwire server.
   * @example 'wss://quiz.example.com/ws'
   */
  url: string;
  /**
   * WebSocket implementation. Browsers have one; in Node pass the `ws` package's class.
   * @default globalThis.WebSocket
   * @example import { WebSocket } from 'ws'; createQuizClient({ url, WebSocket });
   */
  WebSocket?: WebSocketConstructor;
  /**
   * Where the resume token, last seq and unacknowledged answers survive a page reload.
   * `null` disables persistence.
   * @default sessionStorage when the platform has it, else null
   */
  storage?: StorageLike | null;
  /**
   * Key under which the session is stored. Give each client on a page its own key.
   * @default 'quizwire'
   */
  storageKey?: string;
  /**
   * Milliseconds to wait before reconnect attempt `attempt` (1, 2, …).
   * @default exponentialBackoff() — 500 ms doubling to 30 s, half of it jittered
   */
  backoff?: Backoff;
  /**
   * Milliseconds a command may wait for its reply before it rejects with `TIMEOUT` (and is no
   * longer resent).
   * @default 10000
   */
  commandTimeoutMs?: number;
  /**
   * Interval of clock-sync pings. A socket that stays silent for two intervals is treated as
   * dead and replaced.
   * @default 5000
   */
  pingIntervalMs?: number;
  /**
   * Receives diagnostics.
   * @default no logging
   * @example logger: (level, message, data) => console[level](`[quizwire] ${message}`, data ?? '')
   */
  logger?: Logger;
  /**
   * Reconnect after a non-fatal close.
   * @default true
   */
  autoReconnect?: boolean;
  /**
   * Timer functions, for tests that drive time.
   * @default setTimeout, clearTimeout and Date.now of the platform
   */
  timers?: Timers;
  /**
   * Milliseconds between `$timeLeft` updates while it has subscribers.
   * @default 250
   */
  tickMs?: number;
}

/** Options of `host.create`. */
export interface CreateOptions {
  mode: Mode;
  settings?: GameSettings;
  quiz?: Quiz;
  bank?: BankRequest;
  /** Required in duel and solo, where the creator plays. */
  nickname?: string;
}

/** Host commands (the creator of a classic room). */
export interface HostApi {
  /**
   * Open a room; this client becomes its host (classic) or first player (duel, solo).
   * @example const { code } = await client.host.create({ mode: 'classic', bank: { count: 10 } });
   */
  create(options: CreateOptions): Promise<CreateResult>;
  /** Replace the room's quiz (lobby only). */
  loadQuiz(options: { quiz?: Quiz; bank?: BankRequest }): Promise<LoadResult>;
  /** Ask for AI-generated questions (lobby only); watch `$generation`. */
  generate(
    options: Omit<ClientMessageOf<'quiz.generate'>, 'type' | 'id'>,
  ): Promise<CommandResults['quiz.generate']>;
  /** Start the game. */
  start(): Promise<CommandResults['quiz.start']>;
  /** Move on: reveal → leaderboard → next question. */
  next(): Promise<CommandResults['question.next']>;
  /** Close the open question early. */
  close(): Promise<CommandResults['question.close']>;
  /** Remove a player for good. */
  kick(playerId: string): Promise<CommandResults['player.kick']>;
  /** End the game for everyone. */
  end(): Promise<CommandResults['session.end']>;
}

/** Player commands. */
export interface PlayerApi {
  /**
   * Join a room as a player.
   * @example await client.player.join({ code: 'K7QF', nickname: 'Ada' });
   */
  join(options: { code: string; nickname?: string; friendlyName?: boolean }): Promise<JoinResult>;
  /**
   * Answer the current question with the chosen option indices. Counted exactly once, even
   * if the connection drops or the page reloads before the reply arrives (see docs/sdk.md).
   * `$myAnswer` follows the answer from `sending` to `accepted` or `rejected`.
   * @example await client.player.answer([2]);
   */
  answer(choice: number[]): Promise<AnswerResult>;
  /** Leave the room for good; the stored session is forgotten. */
  leave(): Promise<CommandResults['session.leave']>;
  /** Duel: ask for a rematch. */
  rematch(): Promise<CommandResults['duel.rematch']>;
  /** Solo: move on to the next question. */
  next(): Promise<CommandResults['question.next']>;
}

/** Screen (projector) commands. */
export interface ScreenApi {
  /** Attach a read-only screen to a room. */
  watch(code: string): Promise<WatchResult>;
}

/** A Quizwire client: read-only stores, commands by role, typed events. */
export interface QuizClient {
  readonly $connection: ReadableAtom<ConnectionInfo>;
  readonly $session: ReadableAtom<SessionInfo | null>;
  readonly $question: ReadableAtom<QuestionInfo | null>;
  readonly $myAnswer: ReadableAtom<MyAnswer | null>;
  readonly $histogram: ReadableAtom<HistogramInfo | null>;
  readonly $result: ReadableAtom<ResultInfo | null>;
  readonly $standing: ReadableAtom<Standing | null>;
  readonly $leaderboard: ReadableAtom<LeaderboardInfo | null>;
  readonly $finished: ReadableAtom<FinishedInfo | null>;
  readonly $generation: ReadableAtom<GenerationInfo | null>;
  readonly $duel: ReadableAtom<DuelInfo>;
  /**
   * Milliseconds until the current question's deadline in server time, `null` without a
   * question. Ticks every `tickMs` while it has subscribers; no timer runs without them.
   */
  readonly $timeLeft: ReadableAtom<number | null>;
  /** `Date.now()` corrected by the estimated server clock offset. */
  serverNow(): number;
  /** Whether a stored session will be resumed on `connect()`. */
  readonly resumable: boolean;
  readonly host: HostApi;
  readonly player: PlayerApi;
  readonly screen: ScreenApi;
  /**
   * Subscribe to one server message type; returns the unsubscribe function. Sequenced events
   * are delivered once each, in order, after the stores reflect them.
   * @example const off = client.on('question.result', (m) => confetti(m.correct));
   */
  on<T extends ServerMessage['type']>(type: T, handler: (message: ServerMessageOf<T>) => void): () => void;
  /** Open the connection, resuming a stored session if there is one. Commands connect by themselves. */
  connect(): void;
  /**
   * Close for good: waiting commands reject with `DISCONNECTED`. The stored session is kept
   * (a page unload closes too); use `player.leave()` to forget it.
   */
  close(): void;
}
