/**
 * `@quizwire/sdk`: a framework-agnostic Quizwire client. Commands that resolve with the
 * server's ack, reconnection with resume, exactly-once answers across drops and reloads, and
 * read-only nanostores for every concern of a game.
 * @packageDocumentation
 */

export { type Backoff, type ExponentialBackoffOptions, exponentialBackoff } from './backoff.js';
export { createQuizClient } from './client.js';
export type { Logger, LogLevel, WebSocketConstructor, WebSocketLike } from './connection.js';
export { QuizError, toQuizError } from './errors.js';
export { defaultStorage, memoryStorage, type PersistedSession, type StorageLike } from './storage.js';
export {
  AnswerStatus,
  type ConnectionInfo,
  ConnectionState,
  type DuelInfo,
  type FinishedInfo,
  type GenerationInfo,
  type HistogramInfo,
  type LeaderboardInfo,
  type MyAnswer,
  type QuestionInfo,
  type ResultInfo,
  type SessionInfo,
  type Standing,
} from './stores.js';
export type { Timers } from './timers.js';
export type {
  CreateOptions,
  HostApi,
  PlayerApi,
  QuizClient,
  QuizClientOptions,
  ScreenApi,
} from './types.js';
