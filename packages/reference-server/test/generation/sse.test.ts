import { request } from 'node:http';
import { pino } from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { GenerationRegistry } from '../../src/generation/index.js';
import { openSse, type SseClient, scriptedSource, startApi } from './sse-client.js';

const logger = pino({ level: 'silent' });
let api: Awaited<ReturnType<typeof startApi>> | undefined;
const clients: SseClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await api?.close();
  api = undefined;
});

async function open(path: string, body?: object | string, headers?: Record<string, string>) {
  const client = await openSse(`${api!.url}${path}`, {
    ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    ...(headers ? { headers } : {}),
  });
  clients.push(client);
  return client;
}

const data = (client: SseClient, type: string) =>
  client.events.filter((e) => e.event === type).map((e) => JSON.parse(e.data!) as Record<string, unknown>);

describe('POST /api/generate (SSE)', () => {
  it('answers with event-stream headers, a connection event first, ids per question and a done event', async () => {
    const { source } = scriptedSource(5);
    api = await startApi({ source, logger });
    const client = await open('/api/generate', { topic: 'space', count: 3 });
    await client.ended;
    expect(client.status).toBe(200);
    expect(client.headers['content-type']).toMatch(/^text\/event-stream/);
    expect(client.headers['cache-control']).toMatch(/no-cache/);
    expect(client.headers['x-accel-buffering']).toBe('no');
    expect(client.headers.connection).toBe('keep-alive');
    expect(client.events[0]!.event).toBe('connection');
    const connection = data(client, 'connection')[0]!;
    expect(connection).toEqual({
      generationId: expect.stringMatching(/^gen_/),
      requested: 3,
      resumed: false,
    });
    const qs = client.events.filter((e) => e.event === 'question');
    expect(qs.map((e) => e.id)).toEqual(['0', '1', '2']);
    expect(data(client, 'question').map((q) => q.index)).toEqual([0, 1, 2]);
    expect(client.events.at(-1)!.event).toBe('done');
    expect(data(client, 'done')[0]).toEqual({
      requested: 3,
      delivered: 3,
      fromModel: 3,
      fromBank: 0,
      rejected: 0,
    });
  });

  it('sends heartbeat comments while waiting', async () => {
    const { source } = scriptedSource(200);
    api = await startApi({ source, logger, heartbeatMs: 40 });
    const client = await open('/api/generate', { topic: 'space', count: 1 });
    await client.ended;
    expect(client.comments.filter((c) => c === 'heartbeat').length).toBeGreaterThanOrEqual(2);
    expect(client.raw.indexOf(': heartbeat')).toBeLessThan(client.raw.indexOf('event: question'));
  });

  it('aborts the model call when the client goes away', async () => {
    const { source, calls } = scriptedSource(60);
    api = await startApi({ source, logger });
    const client = await open('/api/generate', { topic: 'space', count: 10 });
    await vi.waitFor(() => expect(data(client, 'question')).toHaveLength(1));
    client.close();
    await vi.waitFor(() => expect(calls[0]!.signal.aborted).toBe(true));
  });

  it('resumes after a disconnect from Last-Event-ID and generates only what is missing', async () => {
    const { source, calls } = scriptedSource(150);
    api = await startApi({ source, logger });
    const first = await open('/api/generate', { topic: 'space', count: 5 });
    await vi.waitFor(() => expect(data(first, 'question').length).toBeGreaterThanOrEqual(2));
    first.close();
    await vi.waitFor(() => expect(calls[0]!.signal.aborted).toBe(true));
    const { generationId } = data(first, 'connection')[0] as { generationId: string };
    const lastId = Number(first.events.filter((e) => e.event === 'question').at(-1)!.id);
    expect(lastId).toBeLessThan(4);

    const second = await open(`/api/generate?generation=${generationId}`, undefined, {
      'Last-Event-ID': String(lastId),
    });
    await second.ended;
    expect(data(second, 'connection')[0]).toMatchObject({ generationId, resumed: true });
    const expectedIds = [0, 1, 2, 3, 4].filter((i) => i > lastId);
    expect(second.events.filter((e) => e.event === 'question').map((e) => Number(e.id))).toEqual(expectedIds);
    const prompts = data(second, 'question').map((q) => (q.question as { prompt: string }).prompt);
    expect(prompts).toEqual(expectedIds.map((i) => `Question ${i}?`));
    // The continuation asked only for the missing questions, with the delivered ones as history.
    expect(calls).toHaveLength(2);
    expect(calls[1]!.request.count + calls[1]!.history.length).toBe(5);
    expect(data(second, 'done')[0]).toMatchObject({ requested: 5, delivered: 5 });
  });

  it('replays a finished generation after Last-Event-ID', async () => {
    const { source, calls } = scriptedSource(1);
    api = await startApi({ source, logger });
    const first = await open('/api/generate', { topic: 'space', count: 4 });
    await first.ended;
    const { generationId } = data(first, 'connection')[0] as { generationId: string };
    const again = await open(`/api/generate?generation=${generationId}`, undefined, { 'Last-Event-ID': '2' });
    await again.ended;
    expect(again.events.map((e) => `${e.event}${e.id ? `#${e.id}` : ''}`)).toEqual([
      'connection',
      'question#3',
      'done',
    ]);
    expect(calls).toHaveLength(1);
  });

  it('refuses bad requests with JSON errors', async () => {
    const { source } = scriptedSource(1);
    api = await startApi({ source, logger });
    const cases: [string, string | undefined, number, string][] = [
      ['/api/generate', '{"topic":"x","count":0}', 400, 'BAD_REQUEST'],
      ['/api/generate', '{"count":3}', 400, 'BAD_REQUEST'],
      ['/api/generate', '{"topic":"x","count":3,"apiKey":"x"}', 400, 'BAD_REQUEST'],
      ['/api/generate', 'not json', 400, 'BAD_REQUEST'],
      ['/api/generate', '{"documentId":"doc_nope","count":3}', 404, 'NOT_FOUND'],
      ['/api/generate?generation=gen_nope', undefined, 404, 'NOT_FOUND'],
      ['/api/generate', JSON.stringify({ topic: 'x'.repeat(9000), count: 1 }), 413, 'TOO_LARGE'],
    ];
    for (const [path, body, status, code] of cases) {
      const client = await open(path, body);
      await client.ended;
      expect([path, body?.slice(0, 40), client.status]).toEqual([path, body?.slice(0, 40), status]);
      expect(client.headers['content-type']).toMatch(/application\/json/);
      expect(JSON.parse(client.raw).error.code).toBe(code);
    }
  });

  it('refuses a generation beyond the running limit', async () => {
    const { source } = scriptedSource(100);
    api = await startApi({ source, logger, generations: new GenerationRegistry({ maxRunning: 1 }) });
    const first = await open('/api/generate', { topic: 'a', count: 3 });
    await vi.waitFor(() => expect(first.events).toHaveLength(1));
    const second = await open('/api/generate', { topic: 'b', count: 3 });
    await second.ended;
    expect(second.status).toBe(503);
    expect(second.headers['retry-after']).toBe('5');
  });
});

describe('POST /api/documents', () => {
  function upload(
    body: string | Uint8Array,
    contentType: string,
  ): Promise<{ status: number; json: Record<string, unknown> }> {
    return new Promise((resolve, reject) => {
      const req = request(`${api!.url}/api/documents`, {
        method: 'POST',
        headers: { 'Content-Type': contentType },
      });
      req.on('error', reject);
      req.on('response', (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => {
          text += c;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) }));
      });
      req.end(body);
    });
  }

  it('stores an uploaded Markdown file and generates from its id', async () => {
    const { source, calls } = scriptedSource(1);
    api = await startApi({ source, logger });
    const res = await upload('# Cells\n\nMitochondria make ATP for the cell.', 'text/markdown');
    expect(res.status).toBe(201);
    expect(res.json).toEqual({ documentId: expect.stringMatching(/^doc_/), pages: 1, chars: 44 });
    const client = await open('/api/generate', { documentId: res.json.documentId, count: 1 });
    await client.ended;
    expect(calls[0]!.request.document?.pages[0]?.text).toContain('Mitochondria make ATP');
  });

  it('refuses unsupported types, oversized files and scanned PDFs', async () => {
    const { source } = scriptedSource(1);
    api = await startApi({ source, logger, maxDocumentBytes: 100 });
    expect(await upload('GIF89a', 'image/gif')).toMatchObject({
      status: 415,
      json: { error: { code: 'UNSUPPORTED_TYPE' } },
    });
    expect(await upload('x'.repeat(101), 'text/plain')).toMatchObject({
      status: 413,
      json: { error: { code: 'TOO_LARGE' } },
    });
    expect(await upload('   ', 'text/plain')).toMatchObject({
      status: 422,
      json: { error: { code: 'NO_TEXT' } },
    });
  });
});
