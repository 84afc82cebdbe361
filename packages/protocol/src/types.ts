import type * as z from 'zod/mini';
import type { Role } from './game.js';
import type * as s from './schemas/index.js';
import type { ClientMessage, ServerMessage } from './schemas/parse.js';

export type { ClientMessage, ServerMessage };

/** A client message of one type, e.g. `ClientMessageOf<'answer.submit'>`. */
export type ClientMessageOf<T extends ClientMessage['type']> = Extract<ClientMessage, { type: T }>;
/** A server message of one type, e.g. `ServerMessageOf<'question.next'>`. */
export type ServerMessageOf<T extends ServerMessage['type']> = Extract<ServerMessage, { type: T }>;
/** Client messages that are commands (carry an `id` and get exactly one ack or error). */
export type Command = Exclude<ClientMessage, { type: 'ping' }>;
export type CommandType = Command['type'];
/** A command without its envelope: what an SDK method takes. */
export type CommandPayload<T extends CommandType> = Omit<ClientMessageOf<T>, 'type' | 'id'>;
/** Server messages that carry the room `seq` (replayable on resume). */
export type SequencedEvent = Exclude<Extract<ServerMessage, { seq: number }>, { type: 'session.snapshot' }>;
/** Server messages without `seq`: replies, volatile and personal state messages. */
export type UnsequencedMessage = Exclude<ServerMessage, SequencedEvent>;

export type Quiz = z.infer<typeof s.quiz>;
export type Question = z.infer<typeof s.question>;
export type PublicQuestion = z.infer<typeof s.publicQuestion>;
export type BankRequest = z.infer<typeof s.bankRequest>;
export type GameSettings = z.infer<typeof s.gameSettings>;
export type ResolvedSettings = z.infer<typeof s.resolvedSettings>;
export type PlayerSummary = z.infer<typeof s.playerSummary>;
export type RankedPlayer = z.infer<typeof s.rankedPlayer>;
export type Outcome = z.infer<typeof s.outcome>;
export type DuelOutcome = z.infer<typeof s.duelOutcome>;
export type Snapshot = z.infer<typeof s.sessionSnapshot>;
export type ErrorDetail = z.infer<typeof s.errorDetail>;

/** `ack.result` of `session.create`. */
export interface CreateResult {
  code: string;
  role: Role;
  /** Token that resumes this participant (the host token for a classic host). */
  resumeToken: string;
  /** Present when the creator plays (duel, solo). */
  playerId?: string;
  nickname?: string;
}
/** `ack.result` of `session.join`. */
export interface JoinResult {
  code: string;
  role: 'player';
  playerId: string;
  nickname: string;
  resumeToken: string;
}
/** `ack.result` of `session.watch`. */
export interface WatchResult {
  code: string;
  role: 'screen';
  resumeToken: string;
}
/** `ack.result` of `session.resume`: `recovered` says whether the gap was replayed. */
export interface ResumeResult {
  code: string;
  role: Role;
  recovered: boolean;
  playerId?: string;
}
/** `ack.result` of `answer.submit`: when the server received it. */
export interface AnswerResult {
  questionId: string;
  receivedAt: number;
}
/** `ack.result` of `quiz.load`. */
export interface LoadResult {
  title: string;
  questionCount: number;
}
/** `ack.result` per command type. */
export interface CommandResults {
  'session.create': CreateResult;
  'session.join': JoinResult;
  'session.watch': WatchResult;
  'session.resume': ResumeResult;
  'session.leave': Record<string, never>;
  'session.end': Record<string, never>;
  'quiz.load': LoadResult;
  'quiz.start': Record<string, never>;
  'question.next': Record<string, never>;
  'question.close': Record<string, never>;
  'answer.submit': AnswerResult;
  'player.kick': Record<string, never>;
  'duel.rematch': { requestedBy: string[] };
  'quiz.generate': { requested: number };
}
