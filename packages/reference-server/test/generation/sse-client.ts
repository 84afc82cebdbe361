import { createServer, type IncomingHttpHeaders, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import {
  DocumentStore,
  type GenerationEvent,
  type GenerationRegistry,
  type GenerationRequest,
  handleDocumentUpload,
  handleGenerateRequest,
  type QuestionSource,
} from '../../src/generation/index.js';

export interface SseEvent {
  event?: string;
  id?: string;
  data?: string;
}

export interface SseClient {
  status: number;
  headers: IncomingHttpHeaders;
  events: SseEvent[];
  comments: string[];
  raw: string;
  ended: Promise<void>;
  close(): void;
}

/** POST to an SSE endpoint and parse events as they arrive. */
export function openSse(
  url: string,
  opts: { body?: string; headers?: Record<string, string> } = {},
): Promise<SseClient> {
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...opts.headers },
    });
    req.on('error', reject);
    req.on('response', (res) => {
      let buffer = '';
      let endResolve: () => void = () => {};
      const client: SseClient = {
        status: res.statusCode ?? 0,
        headers: res.headers,
        events: [],
        comments: [],
        raw: '',
        ended: new Promise<void>((r) => {
          endResolve = r;
        }),
        close: () => req.destroy(),
      };
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        client.raw += chunk;
        buffer += chunk;
        let at = buffer.indexOf('\n\n');
        while (at >= 0) {
          const block = buffer.slice(0, at);
          buffer = buffer.slice(at + 2);
          const event: SseEvent = {};
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) client.comments.push(line.slice(1).trim());
            else if (line.startsWith('event: ')) event.event = line.slice(7);
            else if (line.startsWith('id: ')) event.id = line.slice(4);
            else if (line.startsWith('data: '))
              event.data = (event.data ? `${event.data}\n` : '') + line.slice(6);
          }
          if (event.event || event.data) client.events.push(event);
          at = buffer.indexOf('\n\n');
        }
      });
      res.on('end', () => endResolve());
      res.on('close', () => endResolve());
      resolve(client);
    });
    req.end(opts.body ?? '');
  });
}

/** A tiny server routing the two generation endpoints to the handlers under test. */
export async function startApi(deps: {
  source: QuestionSource;
  logger: Logger;
  heartbeatMs?: number;
  generations?: GenerationRegistry;
  maxDocumentBytes?: number;
}): Promise<{ url: string; documents: DocumentStore; close(): Promise<void> }> {
  const documents = new DocumentStore();
  const server: Server = createServer((req, res) => {
    if (req.method === 'POST' && req.url?.startsWith('/api/generate')) {
      handleGenerateRequest(req, res, {
        source: deps.source,
        documents,
        heartbeatMs: deps.heartbeatMs ?? 15_000,
        logger: deps.logger,
        ...(deps.generations ? { generations: deps.generations } : {}),
      });
    } else if (req.method === 'POST' && req.url === '/api/documents') {
      handleDocumentUpload(req, res, {
        documents,
        limits: { maxBytes: deps.maxDocumentBytes ?? 1024 * 1024, maxPages: 50 },
        logger: deps.logger,
      });
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    documents,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A scripted source: one question every `delayMs`, stopping at once when aborted. */
export function scriptedSource(delayMs: number) {
  const calls: { request: GenerationRequest; history: readonly string[]; signal: AbortSignal }[] = [];
  const source: QuestionSource = {
    async *generate(request, options = {}): AsyncGenerator<GenerationEvent> {
      const signal = options.signal ?? new AbortController().signal;
      const history = options.history ?? [];
      calls.push({ request, history, signal });
      let made = 0;
      for (let i = 0; i < request.count; i++) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, delayMs);
          signal.addEventListener('abort', () => {
            clearTimeout(timer);
            resolve();
          });
        });
        if (signal.aborted) break;
        const n = history.length + i;
        made++;
        yield {
          type: 'question',
          index: i,
          source: 'model',
          question: {
            id: `q${n}`,
            kind: 'single',
            prompt: `Question ${n}?`,
            options: ['a', 'b'],
            correct: [0],
          },
        };
      }
      yield { type: 'done', fromModel: made, fromBank: 0, rejected: 0 };
    },
  };
  return { source, calls };
}
