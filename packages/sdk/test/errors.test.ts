import { describe, expect, it } from 'vitest';
import { QuizError, toQuizError } from '../src/errors.js';

describe('toQuizError', () => {
  it('returns a QuizError as it is', () => {
    const error = new QuizError('TIMEOUT', 'late');
    expect(toQuizError(error)).toBe(error);
  });

  it('keeps the code, message and details of a server error frame', () => {
    const frame = {
      type: 'error',
      id: 'c1',
      code: 'INVALID_QUIZ',
      message: 'bad quiz',
      details: [{ path: 'title', message: 'too long' }],
    };
    const error = toQuizError(frame);
    expect(error).toBeInstanceOf(QuizError);
    expect(error).toMatchObject({
      name: 'QuizError',
      code: 'INVALID_QUIZ',
      message: 'bad quiz',
      cause: frame,
    });
    expect(error.details).toEqual(frame.details);
  });

  it('gives anything else the fallback code and keeps it as the cause', () => {
    const socketError = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    expect(toQuizError(socketError, 'DISCONNECTED')).toMatchObject({
      code: 'DISCONNECTED',
      message: 'connect ECONNREFUSED',
      cause: socketError,
    });
    expect(toQuizError('boom')).toMatchObject({ code: 'INTERNAL', message: 'boom' });
    expect(toQuizError(undefined)).toMatchObject({ code: 'INTERNAL', message: 'unknown error' });
    expect(toQuizError(null, 'TIMEOUT').code).toBe('TIMEOUT');
  });
});
