import type { Logger } from 'pino';

/**
 * Redaction paths for the generation logger, on top of the server's. Code here never logs the
 * config or request headers; these paths are the safety net if someone does.
 */
export const GENERATION_REDACT_PATHS = [
  'apiKey',
  '*.apiKey',
  'config.apiKey',
  'headers.authorization',
  '*.headers.authorization',
  'requestHeaders.authorization',
  'authorization',
  '*.authorization',
];

/** A child logger for generation with the redaction paths applied. */
export function generationLogger(parent: Logger): Logger {
  return parent.child(
    { component: 'generation' },
    { redact: { paths: GENERATION_REDACT_PATHS, censor: '[redacted]' } },
  );
}

/**
 * A function that blanks every occurrence of `secret` in a string. Provider error messages may
 * quote the key back ("Incorrect API key provided: sk-…"), so every error text passes through
 * this before it is logged; events never carry error text at all.
 */
export function secretScrubber(secret: string | undefined): (text: string) => string {
  if (!secret || secret.length < 4) return (text) => text;
  return (text) => text.split(secret).join('[redacted]');
}

/**
 * A short, scrubbed description of anything thrown, for a log line: `{status?, error}`. Never
 * the error object itself: provider errors carry request bodies and response headers.
 */
export function describeError(
  error: unknown,
  scrub: (text: string) => string,
): { status?: number; error: string } {
  const e = error as { statusCode?: unknown; message?: unknown; name?: unknown } | undefined;
  const status = typeof e?.statusCode === 'number' ? e.statusCode : undefined;
  const raw = typeof e?.message === 'string' ? e.message : String(error);
  const name = typeof e?.name === 'string' ? `${e.name}: ` : '';
  return { ...(status !== undefined ? { status } : {}), error: scrub(`${name}${raw}`).slice(0, 300) };
}
