import type * as z from 'zod/mini';
import { ErrorCode } from '../codes.js';
import { Limits } from '../limits.js';
import { type clientMessage, clientSchemas } from './client.js';
import { type serverMessage, serverSchemas } from './server.js';

export type ClientMessage = z.infer<typeof clientMessage>;
export type ServerMessage = z.infer<typeof serverMessage>;

/** One bad field of a rejected message. */
export interface ParseIssue {
  /** Dotted path to the field, e.g. `quiz.questions.2.options`. */
  path: string;
  message: string;
}

/** What a parser returns: the typed message, or why it was refused. Never throws. */
export type ParseResult<T> =
  | { ok: true; message: T }
  | {
      ok: false;
      /** `BAD_MESSAGE`, `UNKNOWN_TYPE` or `TOO_LARGE`. */
      code: typeof ErrorCode.BAD_MESSAGE | typeof ErrorCode.UNKNOWN_TYPE | typeof ErrorCode.TOO_LARGE;
      /** A message for people. */
      message: string;
      /** The command id, when one could be read, so the error can be correlated. */
      id?: string;
      issues?: ParseIssue[];
    };

export interface ParseOptions {
  /**
   * Largest accepted input in UTF-16 code units (strings) before JSON parsing.
   * @default Limits.MAX_FRAME_BYTES
   */
  maxLength?: number;
}

const MAX_ISSUES = 20;

function fail(
  code: typeof ErrorCode.BAD_MESSAGE | typeof ErrorCode.UNKNOWN_TYPE | typeof ErrorCode.TOO_LARGE,
  message: string,
  id?: string,
  issues?: ParseIssue[],
): ParseResult<never> {
  const result: ParseResult<never> = { ok: false, code, message };
  if (id !== undefined) result.id = id;
  if (issues !== undefined) result.issues = issues;
  return result;
}

function readId(value: Record<string, unknown>): string | undefined {
  const id = Object.hasOwn(value, 'id') ? value.id : undefined;
  return typeof id === 'string' && id.length > 0 && id.length <= Limits.MAX_ID_LENGTH ? id : undefined;
}

/**
 * Word an issue for people. zod/mini ships no locale (that is what keeps it small), so the
 * few issue kinds our schemas can raise are phrased here.
 */
function explain(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys
        .slice(0, 5)
        .map((k) => JSON.stringify(k.slice(0, 40)))
        .join(', ')}`;
    case 'invalid_type':
      return `expected ${issue.expected}`;
    case 'too_big':
      return issue.origin === 'string'
        ? `must be at most ${issue.maximum} characters`
        : issue.origin === 'array'
          ? `must have at most ${issue.maximum} items`
          : `must be at most ${issue.maximum}`;
    case 'too_small':
      return issue.origin === 'string'
        ? `must be at least ${issue.minimum} characters`
        : issue.origin === 'array'
          ? `must have at least ${issue.minimum} items`
          : `must be at least ${issue.minimum}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_union':
      return 'matches none of the allowed shapes';
    default:
      return issue.message && issue.message !== 'Invalid input' ? issue.message : 'is invalid';
  }
}

function toIssues(issues: readonly z.core.$ZodIssue[]): ParseIssue[] {
  return issues.slice(0, MAX_ISSUES).map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: explain(issue).slice(0, 300),
  }));
}

function describe(issues: ParseIssue[]): string {
  const first = issues[0];
  if (!first) return 'invalid message';
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return `${first.path || 'message'}: ${first.message}${more}`;
}

function parseWith<T>(
  schemas: Record<string, z.ZodMiniType>,
  raw: unknown,
  options: ParseOptions | undefined,
): ParseResult<T> {
  try {
    let value = raw;
    if (typeof raw === 'string') {
      const max = options?.maxLength ?? Limits.MAX_FRAME_BYTES;
      if (raw.length > max) return fail(ErrorCode.TOO_LARGE, `message longer than ${max} characters`);
      try {
        value = JSON.parse(raw);
      } catch {
        return fail(ErrorCode.BAD_MESSAGE, 'message is not valid JSON');
      }
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return fail(ErrorCode.BAD_MESSAGE, 'message must be a JSON object');
    }
    const record = value as Record<string, unknown>;
    const id = readId(record);
    const type = Object.hasOwn(record, 'type') ? record.type : undefined;
    if (typeof type !== 'string') return fail(ErrorCode.BAD_MESSAGE, 'message has no string "type"', id);
    // Own-property lookup: `type: "__proto__"` or `"constructor"` must not find Object's members.
    const schema = Object.hasOwn(schemas, type) ? schemas[type] : undefined;
    if (!schema) {
      return fail(ErrorCode.UNKNOWN_TYPE, `unknown message type "${type.slice(0, 64)}"`, id);
    }
    const parsed = schema.safeParse(value);
    if (parsed.success) return { ok: true, message: parsed.data as T };
    const issues = toIssues(parsed.error.issues);
    return fail(ErrorCode.BAD_MESSAGE, `${type}: ${describe(issues)}`, id, issues);
  } catch {
    // Defence in depth: a pathological value (e.g. a throwing getter) must not escape.
    return fail(ErrorCode.BAD_MESSAGE, 'message could not be read');
  }
}

/**
 * Parse a client → server message from a raw frame (string) or an already-parsed value.
 * Never throws: any input yields either `{ ok: true, message }` or a typed failure.
 *
 * @example
 * const r = parseClientMessage(frame);
 * if (!r.ok) socket.send(JSON.stringify({ type: 'error', id: r.id, code: r.code, message: r.message }));
 */
export function parseClientMessage(raw: unknown, options?: ParseOptions): ParseResult<ClientMessage> {
  return parseWith<ClientMessage>(clientSchemas, raw, options);
}

/**
 * Parse a server → client message. Never throws. Used by tests, tools and clients that want
 * to validate what a server sends (the SDK trusts its server and skips this to stay small).
 */
export function parseServerMessage(raw: unknown, options?: ParseOptions): ParseResult<ServerMessage> {
  return parseWith<ServerMessage>(serverSchemas, raw, { maxLength: 4 * 1024 * 1024, ...options });
}
