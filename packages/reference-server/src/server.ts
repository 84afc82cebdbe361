import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CloseCode } from '@quizwire/protocol';
import { type Clock, systemClock } from './clock.js';
import { defaultConfig, type ServerConfig } from './config.js';
import { QuestionBank } from './game/bank.js';
import {
  createQuestionSource,
  DEFAULT_GENERATION_CONFIG,
  DocumentStore,
  GenerationRegistry,
  handleDocumentUpload,
  handleGenerateRequest,
  type QuestionSource,
} from './generation/index.js';
import { isHostRequest } from './http/auth.js';
import { createHttpHandler } from './http/routes.js';
import { createLogger, type Logger, silentLogger } from './logger.js';
import { Metrics } from './metrics.js';
import { Dispatcher } from './rooms/dispatch.js';
import { RoomRegistry } from './rooms/registry.js';
import { WsEndpoint } from './transport/ws-server.js';

/** Options of {@link startServer}: any config field, plus injected seams for tests. */
export interface ServerOptions extends Partial<ServerConfig> {
  /** Game time source. @default the system clock */
  clock?: Clock;
  /** A pino logger, or `false` for none. @default JSON logs at `logLevel` on stdout */
  logger?: Logger | false;
  /** A question bank to use instead of the built-in data files. */
  bank?: QuestionBank;
  /** A question source to use instead of the one built from the `llm*` settings. */
  questionSource?: QuestionSource;
}

/** A running server. */
export interface QuizServer {
  /** WebSocket URL, e.g. `ws://127.0.0.1:8787/ws`. */
  readonly url: string;
  /** HTTP base URL, e.g. `http://127.0.0.1:8787`. */
  readonly httpUrl: string;
  readonly port: number;
  readonly config: ServerConfig;
  readonly rooms: RoomRegistry;
  /** Open WebSocket connections. */
  readonly connectionCount: number;
  readonly metrics: Metrics;
  readonly http: Server;
  /** Stop accepting, close rooms and sockets with `SERVER_RESTART`, release the port. */
  close(): Promise<void>;
}

/** The built-in bank folder (`data/bank`), from `src/` or `dist/`. */
export function builtInBankDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const candidate of [join(here, '..', 'data', 'bank'), join(here, '..', '..', 'data', 'bank')]) {
    if (existsSync(candidate)) return candidate;
  }
  throw new Error('built-in question bank not found (data/bank)');
}

/**
 * Start a Quizwire server: HTTP routes and the WebSocket endpoint on one port.
 *
 * @example
 * const server = await startServer({ port: 0, host: '127.0.0.1', logger: false });
 * console.log(server.url); // ws://127.0.0.1:PORT/ws
 * await server.close();
 */
export async function startServer(options: ServerOptions = {}): Promise<QuizServer> {
  const { clock: givenClock, logger: givenLogger, bank: givenBank, questionSource, ...overrides } = options;
  const config: ServerConfig = { ...defaultConfig(), ...stripUndefined(overrides) };
  const clock = givenClock ?? systemClock;
  const logger = givenLogger === false ? silentLogger() : (givenLogger ?? createLogger(config.logLevel));
  const metrics = new Metrics();
  const bankDirs = [builtInBankDir(), ...(config.dataDir ? [config.dataDir] : [])];
  const bank = givenBank ?? QuestionBank.load(bankDirs);
  const registry = new RoomRegistry({ clock, config, logger, metrics });
  const generationConfig = {
    ...DEFAULT_GENERATION_CONFIG,
    timeoutMs: config.llmTimeoutMs,
    stallMs: config.llmStallMs,
    structuredOutputs: config.llmStructuredOutputs,
    ...(config.llmBaseUrl ? { baseUrl: config.llmBaseUrl } : {}),
    ...(config.llmApiKey ? { apiKey: config.llmApiKey } : {}),
    ...(config.llmModel ? { model: config.llmModel } : {}),
  };
  const source = questionSource ?? createQuestionSource(generationConfig, { bank, logger });
  const documents = new DocumentStore();
  const generations = new GenerationRegistry();
  const dispatcher = new Dispatcher({
    registry,
    bank,
    config,
    clock,
    logger,
    metrics,
    generator: { source, documents },
  });
  const startedAt = Date.now();
  let endpoint: WsEndpoint | null = null;
  const http = createServer(
    createHttpHandler({
      metrics,
      allowedOrigins: config.allowedOrigins,
      startedAt,
      stats: () => ({ rooms: registry.size, connections: endpoint?.connections.size ?? 0 }),
      extra: (req, res, url) => {
        if (req.method !== 'POST' || (url.pathname !== '/api/generate' && url.pathname !== '/api/documents'))
          return false;
        void isHostRequest(req, config.secret).then((ok) => {
          if (!ok) {
            req.resume();
            res.writeHead(401, { 'Content-Type': 'application/json' });
            res.end('{"error":{"code":"UNAUTHORIZED","message":"a valid host token is required"}}');
            return;
          }
          if (url.pathname === '/api/generate') {
            handleGenerateRequest(req, res, {
              source,
              documents,
              generations,
              heartbeatMs: generationConfig.heartbeatMs,
              logger,
            });
          } else {
            handleDocumentUpload(req, res, {
              documents,
              limits: { maxBytes: generationConfig.maxDocumentBytes, maxPages: generationConfig.maxPages },
              logger,
            });
          }
        });
        return true;
      },
    }),
  );
  endpoint = new WsEndpoint(http, { config, clock, logger, metrics, dispatcher });
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    // Node's default backlog (511) overflows in a reconnect storm: the kernel drops the excess
    // SYNs and those clients retry only after TCP's 1 s timeout.
    http.listen({ port: config.port, host: config.host, backlog: config.listenBacklog }, () => {
      http.off('error', reject);
      resolve();
    });
  });
  const port = (http.address() as AddressInfo).port;
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  logger.info({ port, host: config.host, questions: bank.questions.length }, 'quizwire server listening');
  let closing: Promise<void> | null = null;
  const ws = endpoint;
  return {
    url: `ws://${shownHost}:${port}/ws`,
    httpUrl: `http://${shownHost}:${port}`,
    port,
    config,
    rooms: registry,
    metrics,
    http,
    get connectionCount() {
      return ws.connections.size;
    },
    close() {
      closing ??= (async () => {
        registry.closeAll('server_restart');
        generations.close();
        await ws.shutdown(CloseCode.SERVER_RESTART, 'server restart');
        http.closeAllConnections?.();
        await new Promise<void>((resolve) => http.close(() => resolve()));
        logger.info('quizwire server stopped');
      })();
      return closing;
    },
  };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
