import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { CloseCode, SUBPROTOCOL, WS_PATH } from '@quizwire/protocol';
import { WebSocketServer } from 'ws';
import type { TimerHandle } from '../clock.js';
import { verifyHostToken } from '../http/auth.js';
import { Connection, type ConnectionDeps } from './connection.js';
import { isOriginAllowed } from './origin.js';

/** Refuse an upgrade with a plain HTTP status before the socket opens. */
function refuse(socket: Duplex, status: number, text: string): void {
  socket.end(
    `HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`,
  );
}

/**
 * The WebSocket endpoint: checks path, capacity, Origin, subprotocol and host token at the
 * upgrade, then hands each socket to a {@link Connection}. Also runs the heartbeat.
 */
/**
 * The heartbeat visits one slice of the connections per tick, each connection once per
 * `heartbeatMs`: pinging 10,000 sockets in one go blocks the event loop for ~70 ms, which every
 * room's next broadcast would wait out.
 */
const HEARTBEAT_SLICES = 20;

export class WsEndpoint {
  readonly connections = new Set<Connection>();
  readonly #slices = Array.from({ length: HEARTBEAT_SLICES }, () => new Set<Connection>());
  #nextSlice = 0;
  readonly #perIp = new Map<string, number>();
  readonly #wss: WebSocketServer;
  #heartbeat: TimerHandle | null = null;
  #accepting = true;

  constructor(
    httpServer: Server,
    private readonly deps: ConnectionDeps,
  ) {
    this.#wss = new WebSocketServer({
      noServer: true,
      maxPayload: deps.config.maxFrameBytes,
      perMessageDeflate: false,
      clientTracking: false,
      handleProtocols: (protocols) => (protocols.has(SUBPROTOCOL) ? SUBPROTOCOL : false),
    });
    httpServer.on('upgrade', (req, socket, head) => {
      socket.on('error', () => socket.destroy());
      this.#upgrade(req, socket, head).catch((error) => {
        deps.logger.error({ err: error }, 'upgrade failed');
        refuse(socket, 500, 'Internal Server Error');
      });
    });
    this.#scheduleHeartbeat();
  }

  async #upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const { config, logger, metrics } = this.deps;
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== WS_PATH) return refuse(socket, 404, 'Not Found');
    if (!this.#accepting) return refuse(socket, 503, 'Service Unavailable');
    if (this.connections.size >= config.maxConnections) return refuse(socket, 503, 'Service Unavailable');
    const ip = req.socket.remoteAddress ?? 'unknown';
    if (config.maxConnectionsPerIp > 0 && (this.#perIp.get(ip) ?? 0) >= config.maxConnectionsPerIp) {
      return refuse(socket, 429, 'Too Many Requests');
    }
    if (!isOriginAllowed(req.headers.origin, config.allowedOrigins)) {
      logger.info({ origin: req.headers.origin }, 'refused upgrade from an origin not allowed');
      return refuse(socket, 403, 'Forbidden');
    }
    const offered = (req.headers['sec-websocket-protocol'] ?? '').split(',').map((s) => s.trim());
    if (!offered.includes(SUBPROTOCOL))
      return refuse(socket, 400, `Bad Request: subprotocol ${SUBPROTOCOL} required`);
    const token = url.searchParams.get('token');
    let hostAuthorized = config.secret === undefined;
    if (token !== null) {
      if (config.secret === undefined || !(await verifyHostToken(token, config.secret))) {
        return refuse(socket, 401, 'Unauthorized');
      }
      hostAuthorized = true;
    }
    this.#wss.handleUpgrade(req, socket, head, (ws) => {
      const connection = new Connection(ws, hostAuthorized, ip, this.deps);
      this.connections.add(connection);
      const slice = this.#slices[this.#nextSlice++ % HEARTBEAT_SLICES]!;
      slice.add(connection);
      this.#perIp.set(ip, (this.#perIp.get(ip) ?? 0) + 1);
      metrics.connections.set(this.connections.size);
      ws.on('close', () => {
        connection.onClosed();
        this.connections.delete(connection);
        slice.delete(connection);
        const n = (this.#perIp.get(ip) ?? 1) - 1;
        if (n <= 0) this.#perIp.delete(ip);
        else this.#perIp.set(ip, n);
        metrics.connections.set(this.connections.size);
      });
      ws.on('error', (error) => {
        // ws closes the socket itself (e.g. 1009 for an oversized frame); log and move on.
        logger.debug({ err: error.message }, 'socket error');
      });
    });
  }

  #scheduleHeartbeat(): void {
    // The heartbeat runs on real time: it is about TCP liveness, not game time. A socket that
    // has not answered the previous ping when its slice comes round again is reaped.
    let tick = 0;
    const t = setInterval(() => {
      for (const c of this.#slices[tick++ % HEARTBEAT_SLICES]!) {
        if (!c.alive) {
          this.deps.metrics.closes.inc({ code: String(CloseCode.HEARTBEAT_TIMEOUT) });
          c.onClosed();
          c.ws.terminate();
          continue;
        }
        c.alive = false;
        try {
          c.ws.ping();
        } catch {
          /* the close handler cleans up */
        }
      }
    }, this.deps.config.heartbeatMs / HEARTBEAT_SLICES);
    t.unref();
    this.#heartbeat = t;
  }

  /** Stop accepting, close every socket with `code`, and stop the heartbeat. */
  async shutdown(code: number, reason: string): Promise<void> {
    this.#accepting = false;
    if (this.#heartbeat) clearInterval(this.#heartbeat as ReturnType<typeof setInterval>);
    for (const c of this.connections) c.close(code, reason);
    const deadline = Date.now() + 2000;
    while (this.connections.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    for (const c of this.connections) c.ws.terminate();
    this.#wss.close();
  }
}
