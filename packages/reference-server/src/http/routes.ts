import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROTOCOL_VERSION } from '@quizwire/protocol';
import type { Metrics } from '../metrics.js';
import { isOriginAllowed } from '../transport/origin.js';

export interface HttpDeps {
  metrics: Metrics;
  allowedOrigins: readonly string[];
  startedAt: number;
  stats(): { rooms: number; connections: number };
  /** Extra routes (e.g. the generation API); return true when handled. */
  extra?: (req: IncomingMessage, res: ServerResponse, url: URL) => boolean;
}

/** `packages/reference-server/public`, both from `src/` (tests) and `dist/` (built). */
export const PUBLIC_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'public');
const PUBLIC_DIR_FROM_SRC = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'public');

function publicFile(name: string): string {
  const fromDist = join(PUBLIC_DIR, name);
  return existsSync(fromDist) ? fromDist : join(PUBLIC_DIR_FROM_SRC, name);
}

/** Where the drop-in bundle of `@quizwire/elements` lives, if it is built. */
function elementsBundle(name: string): string | null {
  try {
    const pkg = createRequire(import.meta.url).resolve('@quizwire/elements/package.json');
    return join(dirname(pkg), 'dist', name);
  } catch {
    return null;
  }
}

const PAGES: Record<string, string> = {
  '/': 'index.html',
  '/index.html': 'index.html',
  '/play': 'play.html',
  '/play.html': 'play.html',
};

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  });
  res.end(body);
}

async function sendFile(res: ServerResponse, path: string | null, type: string, hint: string): Promise<void> {
  if (!path || !existsSync(path)) return send(res, 404, 'text/plain; charset=utf-8', hint);
  send(res, 200, type, await readFile(path));
}

/** The HTTP routes: health, metrics, demo pages and the drop-in bundle. */
export function createHttpHandler(deps: HttpDeps) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const origin = req.headers.origin;
    if (url.pathname.startsWith('/api/')) {
      if (!isOriginAllowed(origin, deps.allowedOrigins)) {
        send(res, 403, 'application/json', '{"error":"origin not allowed"}');
        return;
      }
      if (origin) {
        res.setHeader('Access-Control-Allow-Origin', deps.allowedOrigins.includes('*') ? '*' : origin);
        res.setHeader('Vary', 'Origin');
        res.setHeader('Access-Control-Allow-Headers', 'Content-Type, Authorization, Last-Event-ID');
        res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
      }
      if (req.method === 'OPTIONS') {
        res.writeHead(204);
        res.end();
        return;
      }
    }
    if (deps.extra?.(req, res, url)) return;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, 'text/plain; charset=utf-8', 'Method Not Allowed');
      return;
    }
    const run = async () => {
      if (url.pathname === '/health') {
        const { rooms, connections } = deps.stats();
        const mem = process.memoryUsage();
        return send(
          res,
          200,
          'application/json',
          JSON.stringify({
            status: 'ok',
            protocol: PROTOCOL_VERSION,
            rooms,
            connections,
            uptime: Math.round((Date.now() - deps.startedAt) / 1000),
            memory: { rss: mem.rss, heapUsed: mem.heapUsed },
          }),
        );
      }
      if (url.pathname === '/metrics') {
        return send(res, 200, deps.metrics.registry.contentType, await deps.metrics.registry.metrics());
      }
      const page =
        PAGES[url.pathname] ??
        (/^\/screen\/[A-Za-z0-9-]{1,12}\/?$/.test(url.pathname) ? 'screen.html' : undefined);
      if (page)
        return sendFile(
          res,
          publicFile(page),
          'text/html; charset=utf-8',
          'Demo page missing: run `npm run build`.',
        );
      if (url.pathname === '/quizwire.js' || url.pathname === '/quizwire.js.map') {
        const name = url.pathname.slice(1);
        return sendFile(
          res,
          elementsBundle(name),
          name.endsWith('.map') ? 'application/json' : 'text/javascript; charset=utf-8',
          'quizwire.js is not built: run `npm run build`.',
        );
      }
      return send(res, 404, 'application/json', '{"error":"not found"}');
    };
    run().catch(() => {
      if (!res.headersSent) send(res, 500, 'application/json', '{"error":"internal"}');
    });
  };
}
