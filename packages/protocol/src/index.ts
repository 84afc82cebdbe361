/**
 * `@quizwire/protocol`: constants, code tables and types of the Quizwire wire protocol v1.
 * This entry has no runtime dependencies so it costs browsers almost nothing; the zod schemas
 * and parsers live in `@quizwire/protocol/schemas`.
 * @packageDocumentation
 */

export {
  CloseCode,
  ERROR_CODES,
  ErrorCode,
  FATAL_CLOSE_CODES,
  isErrorCode,
} from './codes.js';
export {
  CLOSE_REASONS,
  CloseReason,
  DIFFICULTIES,
  Difficulty,
  MODES,
  Mode,
  PHASES,
  Phase,
  POINTS_MODES,
  PointsMode,
  QUESTION_KINDS,
  QuestionKind,
  ROLES,
  Role,
} from './game.js';
export { Limits } from './limits.js';
export type * from './types.js';
export { PROTOCOL_VERSION, SUBPROTOCOL, WS_PATH } from './version.js';
