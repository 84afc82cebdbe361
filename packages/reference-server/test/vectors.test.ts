/**
 * Replays the golden vectors of `docs/protocol/vectors` (client direction) against a live
 * server, each on a fresh connection without a session, as that folder's README describes.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, type Msg, startHarness } from './helpers/client.js';

interface Vector {
  name: string;
  message?: unknown;
  raw?: string;
  rawRepeat?: { prefix?: string; char: string; count: number; suffix?: string };
  code?: string;
  id?: string;
}
interface VectorFile {
  file: string;
  type: string;
  direction: 'client' | 'server';
  valid: Vector[];
  invalid: Vector[];
}

const DIR = fileURLToPath(new URL('../../../docs/protocol/vectors/', import.meta.url));
const PARSE_CODES = ['BAD_MESSAGE', 'UNKNOWN_TYPE', 'TOO_LARGE'];

function load(): VectorFile[] {
  if (!existsSync(DIR)) return [];
  return readdirSync(DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ ...(JSON.parse(readFileSync(DIR + f, 'utf8')) as Omit<VectorFile, 'file'>), file: f }))
    .filter((v) => v.direction === 'client');
}

function frameOf(v: Vector): string {
  if (v.raw !== undefined) return v.raw;
  if (v.rawRepeat) {
    const { prefix = '', char, count, suffix = '' } = v.rawRepeat;
    return prefix + char.repeat(count) + suffix;
  }
  return JSON.stringify(v.message);
}

const files = load();
if (files.length === 0) console.warn(`vectors.test.ts: no client vectors in ${DIR}; nothing replayed`);

describe.skipIf(files.length === 0)('golden vectors against a live server', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.stop();
  });

  /** Send one frame on a fresh connection; the first reply (or the close if there is none). */
  async function replay(
    frame: string,
  ): Promise<{ reply: Msg | null; closed: number | null; client: Awaited<ReturnType<Harness['connect']>> }> {
    const client = await h.connect();
    client.send(frame);
    const reply = await Promise.race([client.waitFor(() => true), client.closed.then(() => null)]);
    return { reply, closed: client.closeInfo?.code ?? null, client };
  }

  it('finds vectors for every client message type', () => {
    const types = new Set(files.map((f) => f.type));
    for (const t of [
      '_envelope',
      'session.create',
      'session.join',
      'session.resume',
      'answer.submit',
      'ping',
    ])
      expect(types).toContain(t);
  });

  for (const file of files) {
    describe(file.file, () => {
      for (const v of file.invalid) {
        it(`refuses "${v.name}" with ${v.code}`, async () => {
          const frame = frameOf(v);
          const bytes = Buffer.byteLength(frame);
          const { reply, closed, client } = await replay(frame);
          if (bytes > h.server.config.maxFrameBytes) {
            // This server's WebSocket layer enforces the limit: close 1009, no reply (protocol v1 §1).
            expect(v.code).toBe('TOO_LARGE');
            expect(closed).toBe(1009);
            expect(reply).toBeNull();
          } else {
            expect(reply).toMatchObject({ type: 'error', code: v.code, message: expect.any(String) });
            if (v.id !== undefined) expect(reply!.id).toBe(v.id);
            else expect(reply).not.toHaveProperty('id');
            // The connection is still served.
            await client.sync();
          }
          await client.close();
        });
      }
      for (const v of file.valid) {
        it(`reads "${v.name}" and answers it`, async () => {
          const frame = frameOf(v);
          const { reply, client } = await replay(frame);
          expect(reply).not.toBeNull();
          const message = JSON.parse(frame) as { type: string; id?: string };
          if (message.type === 'ping') {
            expect(reply).toMatchObject({ type: 'pong' });
          } else {
            expect(['ack', 'error']).toContain(reply!.type);
            expect(reply!.id).toBe(message.id);
            if (reply!.type === 'error') expect(PARSE_CODES).not.toContain(reply!.code);
          }
          await client.sync();
          await client.close();
        });
      }
    });
  }

  it('is still up after every vector', async () => {
    const res = await fetch(`${h.server.httpUrl}/health`);
    expect(res.status).toBe(200);
    const c = await h.connect();
    await c.sync();
  });
});
