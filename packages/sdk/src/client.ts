import {
  CloseCode,
  type Command,
  type CommandPayload,
  type CommandResults,
  type CommandType,
  type ResumeResult,
  type Role,
  type ServerMessage,
  type ServerMessageOf,
} from '@quizwire/protocol';
import { atom, batch } from 'nanostores';
import { type ApplyContext, applyMessage } from './apply.js';
import { exponentialBackoff } from './backoff.js';
import { createClockSync } from './clock.js';
import { createConnection, type WebSocketConstructor } from './connection.js';
import { QuizError, toQuizError } from './errors.js';
import { createOutbox, type OutboxEntry } from './outbox.js';
import { createPersistence, defaultStorage } from './storage.js';
import { AnswerStatus, createStores, patch } from './stores.js';
import { createSync } from './sync.js';
import { systemTimers } from './timers.js';
import type { QuizClient, QuizClientOptions } from './types.js';

/** The participant this client is, once a create, join, watch or stored session says so. */
interface SessionRef {
  code: string;
  role: Role;
  resumeToken: string;
  playerId?: string;
}

type Reply = ServerMessageOf<'ack'> | ServerMessageOf<'error'>;
type Answer = Extract<Command, { type: 'answer.submit' }>;

const isAnswer = (message: Command): message is Answer => message.type === 'answer.submit';
const disconnected = (why: string) => new QuizError('DISCONNECTED', why);

/**
 * Create a Quizwire client. Nothing is sent until `connect()` or the first command.
 *
 * @example
 * import { createQuizClient } from '@quizwire/sdk';
 * const client = createQuizClient({ url: 'wss://quiz.example.com/ws' });
 * client.$question.subscribe((q) => render(q));
 * await client.player.join({ code: 'K7QF', nickname: 'Ada' });
 * await client.player.answer([1]);
 */
export function createQuizClient(options: QuizClientOptions): QuizClient {
  const {
    timers = systemTimers,
    logger: log = () => {},
    commandTimeoutMs: timeoutMs = 10_000,
    pingIntervalMs: pingMs = 5_000,
    tickMs = 250,
    WebSocket = (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket,
  } = options;
  if (!WebSocket) throw disconnected('no WebSocket class (in Node, pass the one of "ws")');
  const persistence = createPersistence(
    options.storage === undefined ? defaultStorage() : options.storage,
    options.storageKey ?? 'quizwire',
  );
  const s = createStores();
  const clock = createClockSync();
  const handlers = new Map<string, Set<(message: never) => void>>();
  // A per-instance random prefix: a participant's command ids must never repeat, across reloads
  // too, and an entry command's id claims its seat on a resend, so it must be unguessable
  // (`Limits.MIN_RESENDABLE_ENTRY_ID_LENGTH`): 96 bits from the platform's secure source.
  const prefix = `${Array.from(crypto.getRandomValues(new Uint32Array(3)), (n) => n.toString(36).padStart(7, '0')).join('')}-`;
  let counter = 0;
  const nextId = () => prefix + (++counter).toString(36);

  const stored = persistence.load();
  let session: SessionRef | null = stored;
  /** Commands may go out: the socket is open and the session (if any) is resumed. */
  let ready = false;
  let resume: { id: string; timer: unknown; reconnect: boolean } | null = null;
  let disposed = false;
  let pingTimer: unknown;
  let phaseTimer: unknown;
  let lastHeard = 0;
  let pongs = 0;
  /** `recovered` of an acknowledged resume whose replay may still be arriving, else null. */
  let settling: boolean | null = null;

  const serverNow = () => timers.now() + clock.offset();
  const answers = () => outbox.all().flatMap((entry) => (isAnswer(entry.message) ? [entry.message] : []));

  const outbox = createOutbox({ timers, timeoutMs, onChange: persist });
  const sync = createSync({ apply: applyAll, resume: () => sendResume(false) });
  const conn = createConnection({
    url: options.url,
    WebSocket,
    backoff: options.backoff ?? exponentialBackoff(),
    timers,
    autoReconnect: options.autoReconnect ?? true,
    log,
    $state: s.$connection,
    onOpen,
    onMessage,
    onDown,
    onWake: ping,
  });
  const ctx: ApplyContext = {
    serverNow,
    pendingAnswer: (questionId) => answers().find((m) => m.questionId === questionId),
  };

  function persist(): void {
    // After close() the stored session must outlive this instance: a reload resumes from it.
    if (!disposed)
      persistence.save(session && { ...session, v: 1, lastSeq: sync.lastSeq, answers: answers() });
  }

  function emit(message: ServerMessage): void {
    for (const handler of [...(handlers.get(message.type) ?? [])]) {
      try {
        (handler as (m: ServerMessage) => void)(message);
      } catch (e) {
        log('error', `${message.type} handler threw`, e);
      }
    }
  }

  function applyAll(messages: ServerMessage[]): void {
    batch(() => {
      for (const message of messages) applyMessage(s, message, ctx);
    });
    // The server opens a counted-down question at `opensAt` without a message: follow it here.
    timers.clearTimeout(phaseTimer);
    const question = s.$question.get();
    if (question && s.$session.get()?.phase === 'countdown') {
      phaseTimer = timers.setTimeout(
        () => s.$question.get() === question && patch(s.$session, { phase: 'question' }),
        question.opensAt - serverNow(),
      );
    }
    persist();
    for (const message of messages) emit(message);
  }

  function send(message: object): void {
    conn.send(JSON.stringify(message));
  }

  function ping(): void {
    send({ type: 'ping', t: timers.now() });
  }

  function pump(): void {
    if (ready) for (const entry of outbox.flush()) send(entry.message);
  }

  function heartbeat(first?: boolean) {
    if (timers.now() - lastHeard > 2 * pingMs) return conn.drop(CloseCode.HEARTBEAT_TIMEOUT);
    if (!first) ping();
    pingTimer = timers.setTimeout(heartbeat, pingMs);
  }

  function onOpen(): void {
    lastHeard = timers.now();
    pongs = 0;
    heartbeat(true);
    if (session) sendResume(true);
    else {
      ping();
      onReady(true);
    }
  }

  /** The session is usable on this socket: resend what may have been lost, then the rest. */
  function onReady(reconnect: boolean): void {
    ready = true;
    if (reconnect) for (const entry of outbox.resend()) send(entry.message);
    pump();
  }

  function sendResume(reconnect: boolean): void {
    if (!session) return;
    const id = nextId();
    timers.clearTimeout(resume?.timer);
    resume = {
      id,
      reconnect: reconnect || !!resume?.reconnect,
      // No reply to a resume: the socket is no good, start over on a new one.
      timer: timers.setTimeout(() => resume?.id === id && conn.drop(CloseCode.HEARTBEAT_TIMEOUT), timeoutMs),
    };
    settling = null;
    sync.begin();
    send({ type: 'session.resume', id, resumeToken: session.resumeToken, lastSeq: sync.lastSeq });
    // The server answers in order: this ping's pong comes after the resume's whole replay, so
    // it tells when the held events can be applied in one batch.
    ping();
  }

  function onResumed(message: Reply, reconnect: boolean) {
    if (message.type === 'ack') {
      const { recovered } = message.result as unknown as ResumeResult;
      patch(s.$connection, { recovered });
      settling = recovered;
      return onReady(reconnect);
    }
    const error = toQuizError(message);
    log('warn', `resume refused: ${error.code}`);
    if (error.code === 'RATE_LIMITED' || error.code === 'INTERNAL') return conn.drop(CloseCode.INTERNAL);
    endSession(error, true);
    onReady(false);
  }

  function reply(message: Reply) {
    if (message.id && resume?.id === message.id) {
      timers.clearTimeout(resume.timer);
      const { reconnect } = resume;
      resume = null;
      return onResumed(message, reconnect);
    }
    const entry = message.id ? outbox.take(message.id) : undefined;
    // A reply to an unknown id answers a command that already timed out: nobody waits for it.
    if (message.type === 'ack') entry?.resolve(message.result);
    else entry?.reject(toQuizError(message));
  }

  function onMessage(raw: string) {
    lastHeard = timers.now();
    let message: ServerMessage;
    try {
      message = JSON.parse(raw);
    } catch {
      return log('warn', 'unreadable frame', raw);
    }
    switch (message.type) {
      case 'ack':
      case 'error':
        reply(message);
        break;
      case 'pong':
        clock.sample(message.t, message.serverTime, timers.now());
        if (settling !== null) sync.resumed(settling);
        settling = null;
        // A few quick samples at connect give a good offset before the first question.
        if (++pongs < 3) ping();
        break;
      default:
        return sync.receive(message);
    }
    emit(message);
  }

  function onDown(code: number, fatal: QuizError | null): void {
    ready = false;
    timers.clearTimeout(pingTimer);
    timers.clearTimeout(resume?.timer);
    resume = null;
    if (fatal && code === CloseCode.REPLACED) {
      // Another tab or instance holds this participant now: leave the stored session to it.
      disposed = true;
      outbox.rejectAll(fatal);
    } else if (fatal) endSession(fatal, true);
  }

  /** The participant is gone for good (left, kicked, room closed, token refused). */
  function endSession(error: QuizError | null, keepView: boolean): void {
    session = null;
    sync.reset();
    outbox.rejectAll(error ?? disconnected('the session ended'));
    persist();
    if (!keepView) resetView();
    if (error) patch(s.$connection, { error });
  }

  /** Empty every game store at once (a new session starts, or the old one was left). */
  function resetView(): void {
    const fresh = createStores() as Record<string, { get(): unknown }>;
    batch(() => {
      for (const [key, $store] of Object.entries(s))
        if (key !== '$connection') $store.set(fresh[key]!.get() as never);
    });
    patch(s.$connection, { recovered: null, error: null });
  }

  const establish = (result: SessionRef) => {
    session = result;
    sync.reset();
    resetView();
    persist();
  };

  function connect(): void {
    if (!disposed) conn.connect();
  }

  function enqueue(message: Command, settle: (error: QuizError | null, result?: unknown) => void) {
    const entry: OutboxEntry = {
      message,
      tries: 0,
      // Runs synchronously on the ack frame, before the next frame (often the snapshot) is read.
      resolve: (result) => settle(null, result),
      reject: settle,
    };
    if (disposed) return settle(disconnected('the client is closed'));
    outbox.add(entry);
    const { state } = s.$connection.get();
    if (state === 'idle' || state === 'closed') connect();
    else pump();
  }

  function command<T extends CommandType>(
    type: T,
    payload: CommandPayload<T>,
    after?: (error: QuizError | null, result: CommandResults[T]) => void,
  ): Promise<CommandResults[T]> {
    return new Promise((resolve, reject) =>
      enqueue({ ...payload, type, id: nextId() } as Command, (error, result) => {
        after?.(error, result as CommandResults[T]);
        if (error) reject(error);
        else resolve(result as CommandResults[T]);
      }),
    );
  }

  /** Settles `$myAnswer` when the reply to an answer arrives (if it is still the current one). */
  const answered = (questionId: string) => (error: QuizError | null) => {
    const mine = s.$myAnswer.get();
    if (mine?.questionId === questionId) {
      s.$myAnswer.set({ ...mine, status: error ? AnswerStatus.REJECTED : AnswerStatus.ACCEPTED, error });
    }
  };
  const sessionStarts = (error: QuizError | null, result: SessionRef) => error || establish(result);
  const simple =
    <T extends CommandType>(type: T) =>
    () =>
      command(type, {} as CommandPayload<T>);

  // Answers an earlier instance sent but never saw acknowledged go out again with their ids.
  for (const message of stored?.answers ?? []) enqueue(message, answered(message.questionId));

  // `$timeLeft` ticks only while someone listens: the first listener starts the timer, the
  // last one to leave stops it (what nanostores' onMount does, without its lifecycle module).
  const $timeLeft = atom<number | null>(null);
  const { listen } = $timeLeft;
  let stopTicking: (() => void) | null = null;
  $timeLeft.listen = (listener) => {
    const off = listen(listener);
    if (!stopTicking) {
      let timer: unknown;
      const tick = () => {
        timers.clearTimeout(timer);
        const question = s.$question.get();
        const left = question && Math.max(0, question.deadline - serverNow());
        $timeLeft.set(left);
        if (left) timer = timers.setTimeout(tick, Math.min(tickMs, left));
      };
      const unlisten = s.$question.listen(tick);
      stopTicking = () => {
        unlisten();
        timers.clearTimeout(timer);
        stopTicking = null;
      };
      tick();
    }
    return () => {
      off();
      if (!$timeLeft.lc) stopTicking?.();
    };
  };

  return {
    ...s,
    $timeLeft,
    serverNow,
    get resumable() {
      return !!session && !disposed;
    },
    host: {
      create: (o) => command('session.create', o, sessionStarts),
      loadQuiz: (o) => command('quiz.load', o),
      generate: (o) => command('quiz.generate', o),
      start: simple('quiz.start'),
      next: simple('question.next'),
      close: simple('question.close'),
      kick: (playerId) => command('player.kick', { playerId }),
      end: simple('session.end'),
    },
    player: {
      join: (o) => command('session.join', o, sessionStarts),
      answer(choice) {
        const questionId = s.$question.get()?.question.id;
        if (!questionId) return Promise.reject(new QuizError('WRONG_PHASE', 'no question is open'));
        choice = [...choice];
        s.$myAnswer.set({ questionId, choice, status: AnswerStatus.SENDING, error: null });
        return command('answer.submit', { questionId, choice }, answered(questionId));
      },
      leave: () => command('session.leave', {}, (error) => error || endSession(null, false)),
      rematch: simple('duel.rematch'),
      next: simple('question.next'),
    },
    screen: {
      watch: (code) => command('session.watch', { code }, sessionStarts),
    },
    on(type, handler) {
      const set = handlers.get(type) ?? new Set();
      handlers.set(type, set.add(handler));
      return () => void set.delete(handler);
    },
    connect,
    close() {
      if (disposed) return;
      disposed = true;
      onDown(CloseCode.NORMAL, null);
      timers.clearTimeout(phaseTimer);
      conn.close();
      outbox.rejectAll(disconnected('the client was closed'));
    },
  };
}
