import type {
  CloseReason,
  DuelOutcome,
  Mode,
  Outcome,
  Phase,
  PlayerSummary,
  PublicQuestion,
  Question,
  RankedPlayer,
  ResolvedSettings,
  Role,
} from '@quizwire/protocol';
import { atom, type WritableAtom } from 'nanostores';
import type { QuizError } from './errors.js';

/**
 * Connection states. `closed` is final until `connect()` is called again.
 * @example
 * client.$connection.subscribe((c) => banner.hidden = c.state !== ConnectionState.RECONNECTING);
 */
export const ConnectionState = {
  /** Created; nothing sent yet. */
  IDLE: 'idle',
  /** First attempt to open the socket. */
  CONNECTING: 'connecting',
  /** Socket open (the session may still be resuming). */
  OPEN: 'open',
  /** The socket dropped; waiting for the backoff delay or trying again. */
  RECONNECTING: 'reconnecting',
  /** Stopped: `close()` was called, a fatal close code arrived, or `autoReconnect` is off. */
  CLOSED: 'closed',
} as const;
export type ConnectionState = (typeof ConnectionState)[keyof typeof ConnectionState];

/** `$connection`: the socket and whether continuity held. */
export interface ConnectionInfo {
  state: ConnectionState;
  /** Reconnect attempts since the socket was last open. */
  attempt: number;
  /** After a resume: `true` when missed events were replayed, `false` when a snapshot replaced state; `null` before any resume. */
  recovered: boolean | null;
  /** Close code of the last socket close, or `null`. */
  closeCode: number | null;
  /** Why the connection is closed or failing, or `null`. */
  error: QuizError | null;
}

/** `$session`: the room as this participant sees it. */
export interface SessionInfo {
  code: string;
  mode: Mode;
  role: Role;
  phase: Phase;
  me: { playerId: string; nickname: string } | null;
  /** Capped list (the server lists at most `Limits.MAX_LISTED_PLAYERS`); `playerCount` is the total. */
  players: PlayerSummary[];
  playerCount: number;
  title: string | null;
  questionCount: number;
  settings: ResolvedSettings;
  /** Why the room closed (`session.closed`), or `null` while it lives. */
  closed: CloseReason | null;
}

/** `$question`: the current question. Times are server times: compare with `client.serverNow()`. */
export interface QuestionInfo {
  question: PublicQuestion;
  index: number;
  total: number;
  opensAt: number;
  deadline: number;
}

/**
 * States of the player's own answer.
 * @example
 * client.$myAnswer.subscribe((a) => button.disabled = a?.status === AnswerStatus.SENDING);
 */
export const AnswerStatus = { SENDING: 'sending', ACCEPTED: 'accepted', REJECTED: 'rejected' } as const;
export type AnswerStatus = (typeof AnswerStatus)[keyof typeof AnswerStatus];

/** `$myAnswer`: the player's answer to the current question. */
export interface MyAnswer {
  questionId: string;
  choice: number[];
  status: AnswerStatus;
  error: QuizError | null;
}

/** `$histogram`: live answer counts per option. */
export interface HistogramInfo {
  questionId: string;
  counts: number[];
  answered: number;
  total: number;
}

/** `$result`: the closed question's correct options and final counts. */
export interface ResultInfo {
  questionId: string;
  correct: number[];
  counts: number[];
  answered: number;
  total: number;
  explanation?: string;
}

/** `$standing`: this player's score, rank and last outcome. */
export interface Standing {
  score: number;
  rank: number;
  streak: number;
  /** Players ranked. */
  total: number;
  last: Outcome | null;
}

/** `$leaderboard`: the top N after a question. */
export interface LeaderboardInfo {
  top: RankedPlayer[];
  total: number;
}

/** `$finished`: the end of the game. */
export interface FinishedInfo {
  podium: RankedPlayer[];
  top: RankedPlayer[];
  total: number;
  duel?: DuelOutcome;
}

/** `$generation`: AI question generation for the room (`questions` reach the host only). */
export interface GenerationInfo {
  status: 'running' | 'done' | 'failed';
  ready: number;
  requested: number;
  fromModel: number;
  fromBank: number;
  reason?: string;
  questions: Question[];
}

/** `$duel`: duel-only state. */
export interface DuelInfo {
  opponentLeft: { playerId: string; graceUntil: number } | null;
  /** Player ids that asked for a rematch. */
  rematch: string[];
}

/** The client's writable stores; the app only ever gets them typed as read-only. */
export function createStores() {
  return {
    $connection: atom<ConnectionInfo>({
      state: ConnectionState.IDLE,
      attempt: 0,
      recovered: null,
      closeCode: null,
      error: null,
    }),
    $session: atom<SessionInfo | null>(null),
    $question: atom<QuestionInfo | null>(null),
    $myAnswer: atom<MyAnswer | null>(null),
    $histogram: atom<HistogramInfo | null>(null),
    $result: atom<ResultInfo | null>(null),
    $standing: atom<Standing | null>(null),
    $leaderboard: atom<LeaderboardInfo | null>(null),
    $finished: atom<FinishedInfo | null>(null),
    $generation: atom<GenerationInfo | null>(null),
    $duel: atom<DuelInfo>({ opponentLeft: null, rematch: [] }),
  };
}
export type Stores = ReturnType<typeof createStores>;

/** Update some fields of an object store (no-op while it is `null`). */
export function patch<T extends object>($store: WritableAtom<T | null>, fields: Partial<T>): void {
  const value = $store.get();
  if (value) $store.set({ ...value, ...fields });
}
