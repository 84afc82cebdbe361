/**
 * Loader for the golden vectors in `docs/protocol/vectors/` (format: that folder's README.md).
 * Shared by the vector and property tests; the server's tests read the same files.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseClientMessage, parseServerMessage } from '../src/schemas.js';

export type Direction = 'client' | 'server';

/** A frame built by repeating one character, so huge frames need no huge files. */
export interface RawRepeat {
  prefix?: string;
  char: string;
  count: number;
  suffix?: string;
}

/** How a vector spells its frame: exactly one of these is present. */
export interface FrameSource {
  /** A JSON value; the frame is `JSON.stringify(message)`. */
  message?: unknown;
  /** The frame text as is (for frames that are not valid JSON, or exact spacing). */
  raw?: string;
  /** The frame `prefix + char × count + suffix`. */
  rawRepeat?: RawRepeat;
}

export interface ValidVector extends FrameSource {
  name: string;
}

export interface InvalidVector extends FrameSource {
  name: string;
  code: 'BAD_MESSAGE' | 'UNKNOWN_TYPE' | 'TOO_LARGE';
  /** The command id the failure must carry; absent when none can be read. */
  id?: string;
}

export interface VectorFile {
  /** File name without `.json`. */
  file: string;
  /** The message type, or `_envelope` for envelope-level cases. */
  type: string;
  direction: Direction;
  valid: ValidVector[];
  invalid: InvalidVector[];
}

export const VECTORS_DIR = fileURLToPath(new URL('../../../docs/protocol/vectors/', import.meta.url));

/** Every vector file, sorted by name. */
export function loadVectorFiles(): VectorFile[] {
  return readdirSync(VECTORS_DIR)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const body = JSON.parse(readFileSync(VECTORS_DIR + name, 'utf8')) as Omit<VectorFile, 'file'>;
      return { ...body, file: name.slice(0, -'.json'.length) };
    });
}

/** The text frame a vector stands for. */
export function frameOf(vector: FrameSource): string {
  if (vector.raw !== undefined) return vector.raw;
  if (vector.rawRepeat !== undefined) {
    const { prefix = '', char, count, suffix = '' } = vector.rawRepeat;
    return prefix + char.repeat(count) + suffix;
  }
  return JSON.stringify(vector.message);
}

/** The parser for messages travelling in `direction`. */
export function parserFor(direction: Direction) {
  return direction === 'client' ? parseClientMessage : parseServerMessage;
}
