/**
 * The closed table of error codes. Server and SDK share it, so an app can branch on
 * `error.code` without parsing messages. Codes marked *client* are raised only by the SDK.
 */
export const ErrorCode = {
  /** The frame is not valid JSON or does not match the message schema. */
  BAD_MESSAGE: 'BAD_MESSAGE',
  /** The `type` field names no message of this protocol version. */
  UNKNOWN_TYPE: 'UNKNOWN_TYPE',
  /** The frame is larger than the server's limit. */
  TOO_LARGE: 'TOO_LARGE',
  /** No room has this join code (or it has ended). */
  ROOM_NOT_FOUND: 'ROOM_NOT_FOUND',
  /** The room has no free seat (duel: two players; classic: the configured cap). */
  ROOM_FULL: 'ROOM_FULL',
  /** Another player in the room already uses this nickname (case-insensitive). */
  NAME_TAKEN: 'NAME_TAKEN',
  /** The nickname is empty after normalisation, too long or blocked. */
  NAME_INVALID: 'NAME_INVALID',
  /** The sender's role may not send this command. */
  NOT_ALLOWED: 'NOT_ALLOWED',
  /** The command is not valid in the room's current phase. */
  WRONG_PHASE: 'WRONG_PHASE',
  /** The answer arrived after the question's deadline plus grace. */
  TOO_LATE: 'TOO_LATE',
  /** This player already answered this question; the first answer stands. */
  ALREADY_ANSWERED: 'ALREADY_ANSWERED',
  /** The answer names a question that is not the open one, or an option that does not exist. */
  INVALID_ANSWER: 'INVALID_ANSWER',
  /**
   * A well-formed quiz the server cannot use (e.g. duplicate question ids, a bank request it
   * cannot fill). Malformed quizzes fail earlier as `BAD_MESSAGE` with `details` per field.
   */
  INVALID_QUIZ: 'INVALID_QUIZ',
  /** The connection sends faster than its rate limit allows. */
  RATE_LIMITED: 'RATE_LIMITED',
  /** The token is unknown, expired or revoked, or the connection is not authenticated. */
  UNAUTHORIZED: 'UNAUTHORIZED',
  /** The command must first join, create or resume a session. */
  NO_SESSION: 'NO_SESSION',
  /** The server hit an unexpected fault; nothing was changed. */
  INTERNAL: 'INTERNAL',
  /** *client*: no reply arrived within the command timeout. */
  TIMEOUT: 'TIMEOUT',
  /** *client*: the client was closed for good before the command could complete. */
  DISCONNECTED: 'DISCONNECTED',
} as const;

/** One of the protocol's error codes. */
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** All error codes, for validation and exhaustive tests. */
export const ERROR_CODES = /* @__PURE__ */ Object.values(ErrorCode) as readonly ErrorCode[];

/** Type guard: is `value` one of the protocol's error codes? */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/**
 * WebSocket close codes the server uses. Standard codes where the meaning matches
 * (RFC 6455 §7.4), application codes in the 4000 range otherwise.
 */
export const CloseCode = {
  /** Normal closure: the participant left or the client closed. */
  NORMAL: 1000,
  /** Abuse: sustained flooding or repeated malformed frames. */
  POLICY: 1008,
  /** A frame exceeded the size limit. */
  TOO_BIG: 1009,
  /** Unexpected server fault. */
  INTERNAL: 1011,
  /** The server is restarting or shutting down; reconnect and resume. */
  SERVER_RESTART: 1012,
  /** The session token is unknown or revoked. Fatal: do not reconnect. */
  UNAUTHORIZED: 4001,
  /** The host removed this player. Fatal: the token is revoked for good. */
  KICKED: 4002,
  /** The room ended or was reaped. Fatal: there is nothing to resume. */
  ROOM_CLOSED: 4003,
  /** The same participant resumed on another connection; this one is superseded. */
  REPLACED: 4004,
  /** The socket fell too far behind (buffered bytes over the limit); reconnect and resume. */
  SLOW_CONSUMER: 4005,
  /** The heartbeat got no answer. */
  HEARTBEAT_TIMEOUT: 4006,
} as const;

/** One of the protocol's close codes. */
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/** Close codes after which a client must not reconnect: retrying cannot succeed. */
export const FATAL_CLOSE_CODES: readonly number[] = [
  CloseCode.UNAUTHORIZED,
  CloseCode.KICKED,
  CloseCode.ROOM_CLOSED,
  CloseCode.REPLACED,
];
