import { ErrorCode, type ErrorDetail } from '@quizwire/protocol';

/**
 * The one error class of the server: a protocol error code plus a message for people.
 * Thrown inside command handlers; the dispatcher turns it into an `error` reply.
 */
export class QuizServerError extends Error {
  override name = 'QuizServerError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetail[],
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Normalise anything thrown at a boundary into a {@link QuizServerError}. */
export function toServerError(error: unknown): QuizServerError {
  if (error instanceof QuizServerError) return error;
  return new QuizServerError(ErrorCode.INTERNAL, 'internal error; nothing was changed', undefined, {
    cause: error,
  });
}

/** Shorthand for throwing a typed error. */
export function fail(code: ErrorCode, message: string, details?: ErrorDetail[]): never {
  throw new QuizServerError(code, message, details);
}
