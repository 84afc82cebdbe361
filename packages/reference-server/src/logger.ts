import { type Logger, pino } from 'pino';

/**
 * Paths pino blanks out wherever they appear. Tokens and keys must never reach a log line;
 * code logs participant ids instead, and this list is the safety net.
 */
export const REDACT_PATHS = [
  'token',
  'resumeToken',
  'hostToken',
  'apiKey',
  'secret',
  'authorization',
  '*.token',
  '*.resumeToken',
  '*.hostToken',
  '*.apiKey',
  '*.secret',
  '*.authorization',
  'req.headers.authorization',
  'req.headers.cookie',
];

export type { Logger };

/** Create the server logger (JSON lines on stdout, or a given destination for tests). */
export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  return pino(
    { level, redact: { paths: REDACT_PATHS, censor: '[redacted]' }, base: { service: 'quizwire' } },
    destination as pino.DestinationStream | undefined,
  );
}

/** A logger that discards everything (tests). */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
