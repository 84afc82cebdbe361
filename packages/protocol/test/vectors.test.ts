import { describe, expect, it } from 'vitest';
import { clientSchemas, serverSchemas } from '../src/schemas.js';
import { type Direction, frameOf, loadVectorFiles, parserFor } from './vectors.js';

const files = loadVectorFiles();
const schemasFor = (direction: Direction): Record<string, unknown> =>
  direction === 'client' ? clientSchemas : serverSchemas;

describe('golden vectors', () => {
  for (const file of files) {
    const parse = parserFor(file.direction);

    describe(`${file.file}.json`, () => {
      for (const vector of file.valid) {
        it(`accepts "${vector.name}" and round-trips it unchanged`, () => {
          const frame = frameOf(vector);
          const result = parse(frame);
          if (!result.ok) expect.fail(`${result.code}: ${result.message}`);
          expect(result.message).toEqual(JSON.parse(frame));
          if (file.type !== '_envelope') expect(result.message.type).toBe(file.type);
          const again = parse(JSON.stringify(result.message));
          expect(again).toEqual({ ok: true, message: result.message });
        });
      }

      for (const vector of file.invalid) {
        it(`refuses "${vector.name}" with ${vector.code}`, () => {
          const result = parse(frameOf(vector));
          expect(result.ok).toBe(false);
          if (result.ok) return;
          expect(result.code).toBe(vector.code);
          expect(result.id).toBe(vector.id);
          expect(result.message.length).toBeGreaterThan(0);
        });
      }
    });
  }
});

describe('the vector set', () => {
  it.for(['client', 'server'] as const)(
    'has a file with valid and invalid vectors for every %s message type',
    (direction) => {
      for (const type of Object.keys(schemasFor(direction))) {
        const file = files.find((f) => f.type === type && f.direction === direction);
        expect(file, `no ${direction} vector file for ${type}`).toBeDefined();
        expect(file?.valid.length, `${type}: valid vectors`).toBeGreaterThanOrEqual(1);
        expect(file?.invalid.length, `${type}: invalid vectors`).toBeGreaterThanOrEqual(2);
      }
    },
  );

  it('has an envelope file for each direction', () => {
    expect(files.filter((f) => f.type === '_envelope').map((f) => f.direction)).toEqual(['client', 'server']);
  });

  it('names each file after its type, adding the direction when the type exists in both', () => {
    for (const file of files) {
      const inBoth = Object.hasOwn(clientSchemas, file.type) && Object.hasOwn(serverSchemas, file.type);
      const expected =
        file.type === '_envelope'
          ? file.direction === 'client'
            ? '_envelope'
            : '_envelope.server'
          : inBoth
            ? `${file.type}.${file.direction}`
            : file.type;
      expect(file.file).toBe(expected);
    }
  });

  it('names only message types of the protocol', () => {
    for (const file of files) {
      if (file.type === '_envelope') continue;
      expect(Object.hasOwn(schemasFor(file.direction), file.type), `${file.file}: ${file.type}`).toBe(true);
    }
  });

  it('spells every frame in exactly one way and names every vector uniquely within its file', () => {
    for (const file of files) {
      const vectors = [...file.valid, ...file.invalid];
      for (const v of vectors) {
        const ways = ['message' in v, v.raw !== undefined, v.rawRepeat !== undefined];
        expect(ways.filter(Boolean).length, `${file.file}: ${v.name}`).toBe(1);
      }
      const names = vectors.map((v) => v.name);
      expect(new Set(names).size, `${file.file} has duplicate names`).toBe(names.length);
    }
  });

  it('uses every client command id once, so a live server never mistakes one vector for a resend', () => {
    const seen = new Map<string, string>();
    for (const file of files.filter((f) => f.direction === 'client')) {
      for (const v of [...file.valid, ...file.invalid]) {
        const frame = frameOf(v);
        let id: unknown;
        try {
          id = (JSON.parse(frame) as { id?: unknown } | null)?.id;
        } catch {
          continue;
        }
        if (typeof id !== 'string') continue;
        expect(seen.get(id), `id ${id} in ${file.file}: ${v.name}`).toBeUndefined();
        seen.set(id, `${file.file}: ${v.name}`);
      }
    }
    expect(seen.size).toBeGreaterThan(50);
  });
});
