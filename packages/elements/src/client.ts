/**
 * The part of the `@quizwire/sdk` client the elements consume. Declared here, structurally, so
 * the real client and the fake clients of tests and stories both satisfy it, and so the
 * components never depend on the SDK's internals.
 * @module
 */
import type {
  BankRequest,
  DuelOutcome,
  ErrorCode,
  GameSettings,
  Mode,
  Outcome,
  Phase,
  PlayerSummary,
  PublicQuestion,
  Question,
  Quiz,
  RankedPlayer,
  ResolvedSettings,
  Role,
} from '@quizwire/protocol';

/** A read-only store: the shape nanostores' `ReadableAtom` has. `subscribe` calls back at once. */
export interface ReadableStore<T> {
  get(): T;
  subscribe(listener: (value: T) => void): () => void;
}

/** An error raised by the client: `code` comes from the protocol's error table. */
export interface QuizErrorLike extends Error {
  code: ErrorCode | string;
  details?: ReadonlyArray<{ path: string; message: string }>;
}

/** Connection states, as the SDK names them. */
export const ConnectionState = {
  IDLE: 'idle',
  CONNECTING: 'connecting',
  OPEN: 'open',
  RECONNECTING: 'reconnecting',
  CLOSED: 'closed',
} as const;
export type ConnectionState = (typeof ConnectionState)[keyof typeof ConnectionState];

export interface ConnectionValue {
  state: ConnectionState;
  attempt: number;
  /** After a resume: did the server replay every missed event (`true`) or send a snapshot? */
  recovered: boolean | null;
  closeCode: number | null;
  error: QuizErrorLike | null;
}

export interface SessionValue {
  code: string;
  mode: Mode;
  role: Role;
  phase: Phase;
  me: { playerId: string; nickname: string } | null;
  players: PlayerSummary[];
  playerCount: number;
  title: string | null;
  questionCount: number;
  settings: ResolvedSettings | null;
}

export interface QuestionValue {
  question: PublicQuestion;
  index: number;
  total: number;
  /** Server time the question opens at (ms since epoch). */
  opensAt: number;
  /** Server time the question closes at (ms since epoch). */
  deadline: number;
}

export interface MyAnswerValue {
  questionId: string;
  choice: number[];
  status: 'sending' | 'accepted' | 'rejected';
  error: QuizErrorLike | null;
}

export interface HistogramValue {
  questionId: string;
  counts: number[];
  answered: number;
  total: number;
}

export interface ResultValue extends HistogramValue {
  correct: number[];
  explanation?: string;
}

export interface StandingValue {
  score: number;
  rank: number;
  streak: number;
  total: number;
  last: Outcome | null;
}

export interface LeaderboardValue {
  top: RankedPlayer[];
  total: number;
}

export interface FinishedValue {
  podium: RankedPlayer[];
  top: RankedPlayer[];
  total: number;
  duel?: DuelOutcome;
}

export interface GenerationValue {
  status: 'running' | 'done' | 'failed';
  ready: number;
  requested: number;
  fromModel: number;
  fromBank: number;
  reason?: string;
  /** Host only: the generated questions so far, answers included, for review. */
  questions?: Array<Question | { question: Question; source?: string }>;
}

export interface DuelValue {
  opponentLeft: { playerId: string; graceUntil: number } | null;
  rematch: string[];
}

export interface CreateOptions {
  mode: Mode;
  settings?: GameSettings;
  quiz?: Quiz;
  bank?: BankRequest;
  nickname?: string;
}

export interface GenerateOptions {
  topic?: string;
  documentId?: string;
  count: number;
  difficulty?: 'easy' | 'medium' | 'hard';
  language?: string;
}

/** The client surface the elements use. `createQuizClient()` of `@quizwire/sdk` returns one. */
export interface QuizClientLike {
  readonly $connection: ReadableStore<ConnectionValue>;
  readonly $session: ReadableStore<SessionValue | null>;
  readonly $question: ReadableStore<QuestionValue | null>;
  readonly $myAnswer: ReadableStore<MyAnswerValue | null>;
  readonly $histogram: ReadableStore<HistogramValue | null>;
  readonly $result: ReadableStore<ResultValue | null>;
  readonly $standing: ReadableStore<StandingValue | null>;
  readonly $leaderboard: ReadableStore<LeaderboardValue | null>;
  readonly $finished: ReadableStore<FinishedValue | null>;
  readonly $generation: ReadableStore<GenerationValue | null>;
  readonly $duel: ReadableStore<DuelValue>;
  /** Milliseconds until the open question's deadline, in server time. */
  readonly $timeLeft: ReadableStore<number | null>;
  serverNow(): number;
  /** Whether a stored session will be resumed on `connect()` (a reloaded page). */
  readonly resumable?: boolean;
  readonly host: {
    create(options: CreateOptions): Promise<unknown>;
    loadQuiz(source: { quiz?: Quiz; bank?: BankRequest }): Promise<unknown>;
    generate(options: GenerateOptions): Promise<unknown>;
    start(): Promise<unknown>;
    next(): Promise<unknown>;
    close(): Promise<unknown>;
    kick(playerId: string): Promise<unknown>;
    end(): Promise<unknown>;
  };
  readonly player: {
    join(options: { code: string; nickname?: string; friendlyName?: boolean }): Promise<unknown>;
    answer(choice: number[]): Promise<unknown>;
    leave(): Promise<unknown>;
    rematch(): Promise<unknown>;
    next(): Promise<unknown>;
  };
  readonly screen: { watch(code: string): Promise<unknown> };
  connect(): unknown;
  close(): unknown;
}

/** Reads the protocol code off anything thrown at the client boundary. */
export function errorCodeOf(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') {
    return error.code;
  }
  return 'INTERNAL';
}
