import type { IncomingMessage, ServerResponse } from 'node:http';
import { DIFFICULTIES, type Difficulty } from '@quizwire/protocol';
import type { Logger } from 'pino';
import type { DocumentStore } from './document-store.js';
import { type Generation, GenerationRegistry, type GenerationUpdate } from './generations.js';
import { BodyTooLargeError, HttpErrorCode, readBody, sendError } from './http.js';
import { MAX_GENERATION_COUNT } from './source.js';
import type { GenerationRequest, QuestionSource } from './types.js';

export interface GenerateHandlerDeps {
  source: QuestionSource;
  documents: DocumentStore;
  /** Interval of `: heartbeat` comment lines; keep at or below 15 s for proxies. */
  heartbeatMs: number;
  logger: Logger;
  /** Where generations are kept for resume. @default one registry per `source` */
  generations?: GenerationRegistry;
}

/** The SSE response headers. `X-Accel-Buffering: no` stops nginx from holding events back. */
export const SSE_HEADERS = {
  'Content-Type': 'text/event-stream; charset=utf-8',
  'Cache-Control': 'no-cache, no-transform',
  'X-Accel-Buffering': 'no',
  Connection: 'keep-alive',
} as const;

const MAX_BODY_BYTES = 8 * 1024;
/** Proxies commonly drop connections idle for 30–60 s; a heartbeat is sent at least every 15 s. */
const MAX_HEARTBEAT_MS = 15_000;
const RETRY_MS = 2_000;
const registries = new WeakMap<QuestionSource, GenerationRegistry>();

/**
 * `POST /api/generate`: stream generated questions as server-sent events.
 *
 * Body `{topic?, documentId?, count, difficulty?, language?}` (JSON). Events, in order:
 * `connection` `{generationId, requested, resumed}`, then `question` `{index, source, question}`
 * each with `id: <index>`, then one `done` `{requested, delivered, fromModel, fromBank, rejected,
 * reason?}`; `: heartbeat` comments in between. Resume with `POST /api/generate?generation=<id>`
 * and a `Last-Event-ID` header: questions after that index are replayed, and an interrupted run
 * continues. When every client of a generation goes away, its model call is aborted.
 *
 * The caller checks origin and auth first; headers it set with `res.setHeader` (CORS) are kept.
 */
export function handleGenerateRequest(
  req: IncomingMessage,
  res: ServerResponse,
  deps: GenerateHandlerDeps,
): void {
  void serve(req, res, deps).catch((error: unknown) => {
    deps.logger.error({ err: (error as Error)?.name }, 'generate request failed');
    sendError(res, 500, 'INTERNAL', 'Generation failed.');
  });
}

async function serve(req: IncomingMessage, res: ServerResponse, deps: GenerateHandlerDeps): Promise<void> {
  const registry = deps.generations ?? registryFor(deps.source);
  const url = new URL(req.url ?? '/', 'http://localhost');
  const resumeId = url.searchParams.get('generation');
  let body: Uint8Array;
  try {
    body = await readBody(req, MAX_BODY_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLargeError)
      sendError(res, 413, HttpErrorCode.TOO_LARGE, 'The request body is too large.');
    return;
  }

  let generation: Generation | undefined;
  let after = -1;
  if (resumeId) {
    generation = registry.get(resumeId);
    if (!generation) {
      sendError(res, 404, HttpErrorCode.NOT_FOUND, 'No such generation (it may have expired).');
      return;
    }
    const last = Number.parseInt(String(req.headers['last-event-id'] ?? ''), 10);
    if (Number.isInteger(last) && last >= -1) after = last;
  } else {
    const parsed = parseGenerateBody(body, deps.documents);
    if (!parsed.ok) {
      sendError(
        res,
        parsed.status,
        parsed.status === 404 ? HttpErrorCode.NOT_FOUND : HttpErrorCode.BAD_REQUEST,
        parsed.message,
      );
      return;
    }
    generation = registry.create(parsed.request, deps.source, deps.logger);
    if (!generation) {
      sendError(res, 503, HttpErrorCode.BUSY, 'Too many generations are running; try again shortly.', {
        'Retry-After': '5',
      });
      return;
    }
  }
  stream(generation, after, Boolean(resumeId), res, deps);
}

function stream(
  generation: Generation,
  after: number,
  resumed: boolean,
  res: ServerResponse,
  deps: GenerateHandlerDeps,
) {
  res.writeHead(200, SSE_HEADERS);
  res.socket?.setNoDelay(true);
  res.flushHeaders();
  const write = (chunk: string) => {
    if (!res.writableEnded && !res.destroyed) res.write(chunk);
  };
  write(
    `retry: ${RETRY_MS}\nevent: connection\ndata: ${JSON.stringify({
      generationId: generation.id,
      requested: generation.request.count,
      resumed,
    })}\n\n`,
  );
  const sendQuestion = (item: Generation['questions'][number]) =>
    write(`id: ${item.index}\nevent: question\ndata: ${JSON.stringify(item)}\n\n`);
  const heartbeat = setInterval(() => write(': heartbeat\n\n'), Math.min(deps.heartbeatMs, MAX_HEARTBEAT_MS));
  let unsubscribe: (() => void) | undefined;
  const end = () => {
    clearInterval(heartbeat);
    unsubscribe?.();
    unsubscribe = undefined;
  };
  const onUpdate = (update: GenerationUpdate) => {
    if (update.type === 'question') {
      if (update.item.index > after) sendQuestion(update.item);
      return;
    }
    write(`event: done\ndata: ${JSON.stringify(update.summary)}\n\n`);
    end();
    res.end();
  };
  res.on('close', end);

  for (const item of generation.questions) if (item.index > after) sendQuestion(item);
  after = Math.max(after, generation.questions.length - 1);
  unsubscribe = generation.subscribe(onUpdate);
  if (generation.summary && !generation.interrupted) {
    onUpdate({ type: 'done', summary: generation.summary });
    return;
  }
  generation.start();
}

function registryFor(source: QuestionSource): GenerationRegistry {
  let registry = registries.get(source);
  if (!registry) {
    registry = new GenerationRegistry();
    registries.set(source, registry);
  }
  return registry;
}

type ParsedBody = { ok: true; request: GenerationRequest } | { ok: false; status: number; message: string };

/** Validate the JSON body of `POST /api/generate` (same bounds as the `quiz.generate` command). */
export function parseGenerateBody(body: Uint8Array, documents: DocumentStore): ParsedBody {
  const bad = (message: string): ParsedBody => ({ ok: false, status: 400, message });
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(body));
  } catch {
    return bad('The body must be JSON.');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return bad('The body must be a JSON object.');
  const b = value as Record<string, unknown>;
  const allowed = new Set(['topic', 'documentId', 'count', 'difficulty', 'language']);
  const unknown = Object.keys(b).find((k) => !allowed.has(k));
  if (unknown) return bad(`Unknown field "${unknown.slice(0, 40)}".`);
  const { topic, documentId, count, difficulty, language } = b;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > MAX_GENERATION_COUNT) {
    return bad(`"count" must be an integer from 1 to ${MAX_GENERATION_COUNT}.`);
  }
  if (topic !== undefined && (typeof topic !== 'string' || topic.trim().length === 0 || topic.length > 200)) {
    return bad('"topic" must be a string of 1 to 200 characters.');
  }
  if (
    documentId !== undefined &&
    (typeof documentId !== 'string' || documentId.length === 0 || documentId.length > 64)
  ) {
    return bad('"documentId" must be a string of 1 to 64 characters.');
  }
  if (topic === undefined && documentId === undefined) return bad('Give a "topic", a "documentId" or both.');
  if (difficulty !== undefined && !(DIFFICULTIES as readonly unknown[]).includes(difficulty)) {
    return bad(`"difficulty" must be one of ${DIFFICULTIES.join(', ')}.`);
  }
  if (
    language !== undefined &&
    (typeof language !== 'string' || language.length < 2 || language.length > 35)
  ) {
    return bad('"language" must be a string of 2 to 35 characters.');
  }
  const document = documentId === undefined ? undefined : documents.get(documentId as string);
  if (documentId !== undefined && !document) {
    return { ok: false, status: 404, message: 'No such document (it may have expired); upload it again.' };
  }
  return {
    ok: true,
    request: {
      count,
      ...(topic !== undefined ? { topic: topic as string } : {}),
      ...(document ? { document } : {}),
      ...(difficulty !== undefined ? { difficulty: difficulty as Difficulty } : {}),
      ...(language !== undefined ? { language: language as string } : {}),
    },
  };
}
