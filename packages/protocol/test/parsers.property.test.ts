import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../src/codes.js';
import { Limits } from '../src/limits.js';
import {
  clientSchemas,
  type ParseResult,
  parseClientMessage,
  parseServerMessage,
  serverSchemas,
} from '../src/schemas.js';
import { type Direction, loadVectorFiles, parserFor } from './vectors.js';

const PARSE_CODES = ['BAD_MESSAGE', 'UNKNOWN_TYPE', 'TOO_LARGE'];
/** Each parser with its schemas, its default size limit and a message with one free-text field. */
const parsers = [
  {
    name: 'parseClientMessage',
    parse: parseClientMessage,
    schemas: clientSchemas,
    defaultMax: Limits.MAX_FRAME_BYTES,
    withText: (text: string) => ({ type: 'session.join', id: 'a', code: 'K7PQ2X', nickname: text }),
  },
  {
    name: 'parseServerMessage',
    parse: parseServerMessage,
    schemas: serverSchemas,
    defaultMax: 4 * 1024 * 1024,
    withText: (text: string) => ({ type: 'player.kicked', reason: text }),
  },
] as const;

/** Throw when `condition` is false. Plain throws keep 10,000-run properties fast. */
function check(condition: boolean, what: string, input: unknown): asserts condition {
  if (!condition) throw new Error(`${what} (input: ${safeJson(input)})`);
}

function safeJson(value: unknown): string {
  try {
    return String(JSON.stringify(value)).slice(0, 300);
  } catch {
    return String(value).slice(0, 300);
  }
}

/** Call a parser and check the shape of whatever it returns. */
function expectWellFormed(
  parse: (raw: unknown) => ParseResult<unknown>,
  input: unknown,
): ParseResult<unknown> {
  let result: ParseResult<unknown>;
  try {
    result = parse(input);
  } catch (cause) {
    throw new Error(`parser threw: ${String(cause)} (input: ${safeJson(input)})`);
  }
  if (result.ok) {
    check(typeof result.message === 'object' && result.message !== null, 'ok without a message', input);
    return result;
  }
  check(ERROR_CODES.includes(result.code), `code ${result.code} is not a protocol code`, input);
  check(PARSE_CODES.includes(result.code), `code ${result.code} is not a parse code`, input);
  check(typeof result.message === 'string' && result.message.length > 0, 'empty message', input);
  check(result.message.length <= 1000, 'message longer than an error allows', input);
  if (result.id !== undefined) {
    check(typeof result.id === 'string', 'id is not a string', input);
    check(result.id.length > 0 && result.id.length <= Limits.MAX_ID_LENGTH, 'id length out of bounds', input);
  }
  for (const issue of result.issues ?? []) {
    check(typeof issue.path === 'string', 'issue path is not a string', input);
    check(typeof issue.message === 'string' && issue.message.length > 0, 'empty issue message', input);
  }
  return result;
}

/** Keys that have tripped object handling elsewhere, mixed with ordinary and protocol keys. */
const hostileKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty'),
  fc.constantFrom('type', 'id', 'seq', 'code', 'quiz', 'questions', 'choice', 'result', 'players'),
  fc.string({ maxLength: 12 }),
);
const messageTypes = [...Object.keys(clientSchemas), ...Object.keys(serverSchemas)];

/** Anything at all, biased towards objects that look a little like messages. */
const anyInput = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.anything({
    key: hostileKey,
    maxDepth: 3,
    maxKeys: 6,
    withObjectString: true,
    withNullPrototype: true,
    withBoxedValues: true,
    withMap: true,
    withSet: true,
    withBigInt: true,
    withDate: true,
    withTypedArray: true,
    withSparseArray: true,
  }),
  fc
    .dictionary(hostileKey, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 8 })
    .map((o) => ({ type: 'ping', ...o })),
  fc
    .tuple(
      fc.constantFrom(...messageTypes),
      fc.dictionary(hostileKey, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 8 }),
    )
    .map(([type, rest]) => ({ ...rest, type })),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v) ?? 'null'),
);

/** Valid vector messages, the seeds of the mutation properties. */
const seeds = loadVectorFiles()
  .filter((f) => f.type !== '_envelope')
  .flatMap((f) =>
    f.valid.map((v) => ({ direction: f.direction, message: v.message as Record<string, unknown> })),
  );

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

/** Every path into a JSON value: object keys and array indices, the root excluded. */
function pathsOf(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      out.push([...prefix, i]);
      pathsOf(item, [...prefix, i], out);
    });
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      out.push([...prefix, key]);
      pathsOf(item, [...prefix, key], out);
    }
  }
  return out;
}

/** Paths of the objects (not arrays) inside a value, the root included. */
const objectPathsOf = (value: unknown): Path[] =>
  [[], ...pathsOf(value)].filter((p) => {
    const v = get(value, p);
    return v !== null && typeof v === 'object' && !Array.isArray(v);
  });

function get(value: unknown, path: Path): unknown {
  return path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], value);
}

/** Apply `change` to the parent of `path` in a deep copy of `root`. */
function edit(
  root: Record<string, unknown>,
  path: Path,
  change: (parent: Record<string | number, unknown>, key: string | number) => void,
): Record<string, unknown> {
  const copy = structuredClone(root);
  const parent = get(copy, path.slice(0, -1)) as Record<string | number, unknown>;
  change(parent, path[path.length - 1]!);
  return copy;
}

/** A value of a different JSON type than `value`. */
function retyped(value: unknown): Json {
  if (typeof value === 'string') return value.length;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value === null) return {};
  if (Array.isArray(value)) return { length: value.length };
  return [];
}

/**
 * A copy without own `__proto__` keys. zod drops such a key from a record (here: `ack.result`)
 * instead of refusing it, so an accepted message may differ from its frame by exactly that.
 */
function withoutProtoKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutProtoKeys);
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (key !== '__proto__') copy[key] = withoutProtoKeys(item);
  }
  return copy;
}

const Mutation = {
  DROP: 'drop',
  ADD: 'add',
  RETYPE: 'retype',
  REPLACE: 'replace',
  SWAP_TYPE: 'swap type',
} as const;
type Mutation = (typeof Mutation)[keyof typeof Mutation];

const mutated = fc
  .record({
    seed: fc.constantFrom(...seeds),
    mutation: fc.constantFrom(...Object.values(Mutation)),
    pick: fc.nat(),
    key: fc.oneof(hostileKey, fc.string({ minLength: 1, maxLength: 20 })),
    json: fc.jsonValue({ maxDepth: 3 }),
    type: fc.constantFrom(...messageTypes),
  })
  .map(({ seed, mutation, pick, key, json, type }) => {
    const { message } = seed;
    const paths = pathsOf(message);
    const path = paths[pick % paths.length]!;
    let result: Record<string, unknown>;
    switch (mutation as Mutation) {
      case Mutation.DROP:
        result = edit(message, path, (parent, k) => {
          if (Array.isArray(parent)) parent.splice(Number(k), 1);
          else delete parent[k];
        });
        break;
      case Mutation.ADD: {
        const objects = objectPathsOf(message);
        const target = objects[pick % objects.length]!;
        result = structuredClone(message);
        const object = get(result, target) as Record<string, unknown>;
        let fresh = key;
        while (Object.hasOwn(object, fresh)) fresh = `${fresh}_`;
        Object.defineProperty(object, fresh, {
          value: json,
          enumerable: true,
          configurable: true,
          writable: true,
        });
        break;
      }
      case Mutation.RETYPE:
        result = edit(message, path, (parent, k) => {
          parent[k] = retyped(parent[k]);
        });
        break;
      case Mutation.REPLACE:
        result = edit(message, path, (parent, k) => {
          parent[k] = json;
        });
        break;
      case Mutation.SWAP_TYPE:
        result = { ...structuredClone(message), type };
        break;
    }
    return { direction: seed.direction as Direction, mutation: mutation as Mutation, message: result };
  });

describe.each(parsers)('$name', ({ parse, schemas, defaultMax, withText }) => {
  it('never throws on arbitrary values, and every refusal carries a protocol code and a message', () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        expectWellFormed(parse, input);
      }),
      { numRuns: 10_000 },
    );
  }, 60_000);

  it('never throws on arbitrary strings, and refuses what is not a JSON object', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (frame) => {
        const result = expectWellFormed(parse, frame);
        let value: unknown;
        try {
          value = JSON.parse(frame);
        } catch {
          expect(result).toMatchObject({ ok: false, code: 'BAD_MESSAGE' });
          return;
        }
        if (value === null || typeof value !== 'object' || Array.isArray(value)) {
          expect(result).toMatchObject({ ok: false, code: 'BAD_MESSAGE' });
        }
      }),
      { numRuns: 2_000 },
    );
  });

  it('accepts only message types of its own direction', () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        const result = expectWellFormed(parse, input);
        if (result.ok) {
          const type = (result.message as { type: string }).type;
          expect(Object.hasOwn(schemas, type)).toBe(true);
        }
      }),
      { numRuns: 1_000 },
    );
  });

  it('survives 10,000 levels of nesting in a frame', () => {
    const depth = 10_000;
    const arrays = `${'['.repeat(depth)}${']'.repeat(depth)}`;
    const objects = `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
    const big = { maxLength: 10_000_000 };
    expect(parse(arrays, big)).toMatchObject({ ok: false, code: 'BAD_MESSAGE' });
    expect(parse(objects, big)).toMatchObject({ ok: false, code: 'BAD_MESSAGE' });
    for (const nested of [arrays, objects]) {
      for (const frame of [
        `{"type":"ack","id":"a","result":{"deep":${nested}}}`,
        `{"type":"session.create","id":"a","mode":"classic","quiz":${nested}}`,
        `{"type":"ping","t":${nested}}`,
        `{"type":${nested}}`,
      ]) {
        expectWellFormed((raw) => parse(raw, big), frame);
        expectWellFormed(parse, frame);
      }
    }
  });

  it('survives 100,000 levels of nesting in an already-parsed value', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = { a: deep, list: [] };
    for (const value of [
      deep,
      { type: 'ack', id: 'a', result: { deep } },
      { type: 'session.create', id: 'a', mode: 'classic', quiz: deep },
      { type: 'ping', t: deep },
    ]) {
      expectWellFormed(parse, value);
    }
  });

  it('refuses huge strings by size, before reading them', () => {
    const huge = 'x'.repeat(defaultMax + 1);
    expect(parse(huge)).toMatchObject({ ok: false, code: 'TOO_LARGE' });
    expect(parse(JSON.stringify(withText(huge)))).toMatchObject({ ok: false, code: 'TOO_LARGE' });
    expect(parse(JSON.stringify(withText('Ada')))).toMatchObject({ ok: true });
    // Already-parsed values skip the size check, so the schemas' string bounds must hold.
    expect(parse(withText(huge))).toMatchObject({ ok: false, code: 'BAD_MESSAGE' });
    expect(parse({ type: huge })).toMatchObject({ ok: false, code: 'UNKNOWN_TYPE' });
    expect((parse({ type: huge }) as { message: string }).message.length).toBeLessThan(200);
  });

  it('contains values that throw when read', () => {
    const trap = new Proxy(
      {},
      {
        get: () => {
          throw new Error('get');
        },
        has: () => {
          throw new Error('has');
        },
        ownKeys: () => {
          throw new Error('ownKeys');
        },
        getOwnPropertyDescriptor: () => {
          throw new Error('getOwnPropertyDescriptor');
        },
        getPrototypeOf: () => {
          throw new Error('getPrototypeOf');
        },
      },
    );
    const getter = Object.defineProperty({ id: 'a' }, 'type', {
      enumerable: true,
      get: () => {
        throw new Error('boom');
      },
    });
    for (const value of [trap, getter, { type: 'ping', t: trap }, { type: 'ack', id: 'a', result: trap }]) {
      expectWellFormed(parse, value);
    }
  });
});

describe('mutated valid vectors', () => {
  it('never make a parser throw, and a refusal always carries a protocol code', () => {
    fc.assert(
      fc.property(mutated, ({ direction, message }) => {
        const frame = JSON.stringify(message);
        const other = direction === 'client' ? parseServerMessage : parseClientMessage;
        expectWellFormed(other, frame);
        expectWellFormed(parserFor(direction), message);
        const result = expectWellFormed(parserFor(direction), frame);
        if (result.ok) expect(result.message).toEqual(withoutProtoKeys(JSON.parse(frame)));
      }),
      { numRuns: 10_000 },
    );
  }, 60_000);

  it('are refused when a field is added to any object outside ack.result', () => {
    fc.assert(
      fc.property(
        mutated.filter(({ mutation, message }) => mutation === Mutation.ADD && message.type !== 'ack'),
        ({ direction, message }) => {
          expect(parserFor(direction)(message)).toMatchObject({ ok: false, code: 'BAD_MESSAGE' });
        },
      ),
      { numRuns: 1_000 },
    );
  });

  it('are refused when a value changes its JSON type', () => {
    fc.assert(
      fc.property(
        // Inside ack.result any value is allowed, so ack is left out.
        mutated.filter(({ mutation, message }) => mutation === Mutation.RETYPE && message.type !== 'ack'),
        ({ direction, message }) => {
          expect(parserFor(direction)(message)).toMatchObject({ ok: false, code: 'BAD_MESSAGE' });
        },
      ),
      { numRuns: 1_000 },
    );
  });

  it('keep the type they were given when a swapped type still parses', () => {
    fc.assert(
      fc.property(
        mutated.filter(({ mutation }) => mutation === Mutation.SWAP_TYPE),
        ({ direction, message }) => {
          const result = parserFor(direction)(message);
          if (result.ok) expect(result.message.type).toBe(message.type);
          else expect(['BAD_MESSAGE', 'UNKNOWN_TYPE']).toContain(result.code);
        },
      ),
      { numRuns: 1_000 },
    );
  });
});
