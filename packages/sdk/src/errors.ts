import type { ErrorCode, ErrorDetail } from '@quizwire/protocol';

/**
 * The one error the SDK rejects with and reports in `$connection.error`. `code` comes from the
 * protocol's closed table, so an app branches on it instead of parsing messages; `cause` keeps
 * whatever was thrown underneath (a socket error, the server's `error` frame).
 *
 * @example
 * try {
 *   await client.player.join({ code: 'ABCD', nickname: 'Ada' });
 * } catch (e) {
 *   if (e instanceof QuizError && e.code === 'NAME_TAKEN') askForAnotherName();
 * }
 */
export class QuizError extends Error {
  override readonly name = 'QuizError';
  /** Stable code from `ErrorCode` (server codes plus the client codes `TIMEOUT` and `DISCONNECTED`). */
  readonly code: ErrorCode;
  /** Field-level problems the server reported (e.g. for `INVALID_QUIZ`). */
  readonly details: ErrorDetail[] | undefined;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown; details?: ErrorDetail[] }) {
    super(message, { cause: options?.cause });
    this.code = code;
    this.details = options?.details;
  }
}

/**
 * Normalise anything thrown or received at a boundary into a `QuizError`: a `QuizError` is
 * returned as is, a server `error` frame keeps its code and details (the client trusts its
 * server's codes), anything else becomes `fallback` with the original as `cause`.
 *
 * @param fallback code for values that carry none. @default 'INTERNAL'
 * @example
 * socket.onerror = (event) => report(toQuizError(event, 'DISCONNECTED'));
 */
export function toQuizError(value: unknown, fallback: ErrorCode = 'INTERNAL'): QuizError {
  if (value instanceof QuizError) return value;
  const v = (value ?? {}) as { type?: unknown; code?: ErrorCode; message?: string; details?: ErrorDetail[] };
  const message = v.message || (typeof value === 'string' && value) || 'unknown error';
  return v.type === 'error' && v.code
    ? new QuizError(v.code, message, { cause: value, details: v.details })
    : new QuizError(fallback, message, { cause: value });
}
