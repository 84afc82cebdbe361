import { CloseCode, ErrorCode, type ServerMessage } from '@quizwire/protocol';
import { parseClientMessage } from '@quizwire/protocol/schemas';
import { WebSocket } from 'ws';
import type { Clock } from '../clock.js';
import type { ServerConfig } from '../config.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics.js';
import type { Dispatcher, Session } from '../rooms/dispatch.js';
import type { Link, Participant } from '../rooms/participant.js';
import type { Room } from '../rooms/room.js';
import { TokenBucket } from './rate-limit.js';

export interface ConnectionDeps {
  config: ServerConfig;
  clock: Clock;
  logger: Logger;
  metrics: Metrics;
  dispatcher: Dispatcher;
}

/**
 * One WebSocket: rate limit, parsing, the reply path and backpressure. Everything a client
 * sends goes through the protocol parser; nothing it sends can throw past this class.
 */
export class Connection implements Session, Link {
  binding: { room: Room; participant: Participant } | null = null;
  alive = true;
  readonly link: Link = this;
  #violations = 0;
  #lastViolationAt = 0;
  #closing = false;
  readonly #bucket: TokenBucket;

  constructor(
    readonly ws: WebSocket,
    readonly hostAuthorized: boolean,
    readonly ip: string,
    private readonly deps: ConnectionDeps,
  ) {
    this.#bucket = new TokenBucket(deps.clock, deps.config.rateLimitPerSecond, deps.config.rateLimitBurst);
    ws.on('message', (data, isBinary) => this.#onMessage(data as Buffer, isBinary));
    ws.on('pong', () => {
      this.alive = true;
    });
  }

  /** Write a frame unless the socket is gone or too far behind (then drop it: it will resync). */
  send(frame: string | Buffer): boolean {
    if (this.ws.readyState !== WebSocket.OPEN || this.#closing) return false;
    if (this.ws.bufferedAmount > this.deps.config.maxBufferedBytes) {
      // Close after the current broadcast loop: detaching now would make the room emit new
      // events mid-loop, which other sockets would receive before the one being written.
      this.#closing = true;
      setImmediate(() => {
        this.#closing = false;
        this.close(CloseCode.SLOW_CONSUMER, 'too far behind; resume to resync');
      });
      return false;
    }
    // Text frames always (protocol §1): broadcasts pass a Buffer, which ws would send as binary.
    this.ws.send(frame, { binary: false });
    return true;
  }

  close(code: number, reason: string): void {
    if (this.#closing) return;
    this.#closing = true;
    this.deps.metrics.closes.inc({ code: String(code) });
    const participant = this.binding?.participant;
    const room = this.binding?.room;
    this.binding = null;
    if (participant && room && participant.link === this) room.detach(participant);
    try {
      this.ws.close(code, reason);
    } catch {
      this.ws.terminate();
    }
    // A peer that never answers the close handshake must not hold the socket open.
    const t = setTimeout(() => this.ws.terminate(), 2000);
    t.unref();
  }

  unbind(): void {
    this.binding = null;
  }

  /** The socket closed (either side). */
  onClosed(): void {
    this.#closing = true;
    const participant = this.binding?.participant;
    const room = this.binding?.room;
    this.binding = null;
    if (participant && room && participant.link === this) room.detach(participant);
  }

  #reply(message: ServerMessage): void {
    if (message.type === 'error') this.deps.metrics.errors.inc({ code: message.code });
    this.send(JSON.stringify(message));
  }

  #violation(): void {
    // Forgive old refusals: only a sustained burst (abuseThreshold within a minute) is abuse.
    const now = this.deps.clock.now();
    if (now - this.#lastViolationAt > 60_000) this.#violations = 0;
    this.#lastViolationAt = now;
    this.#violations++;
    if (this.#violations >= this.deps.config.abuseThreshold) {
      this.deps.logger.warn({ ip: this.ip, violations: this.#violations }, 'closing abusive connection');
      this.close(CloseCode.POLICY, 'too many refused messages');
    }
  }

  #onMessage(data: Buffer, isBinary: boolean): void {
    if (this.#closing) return;
    this.alive = true;
    this.deps.metrics.messagesIn.inc();
    try {
      if (isBinary) {
        this.#reply({
          type: 'error',
          code: ErrorCode.BAD_MESSAGE,
          message: 'binary frames are not supported; send JSON text',
        });
        this.#violation();
        return;
      }
      const parsed = parseClientMessage(data.toString('utf8'), { maxLength: this.deps.config.maxFrameBytes });
      if (!this.#bucket.take()) {
        this.#reply({
          type: 'error',
          ...(parsed.ok && 'id' in parsed.message
            ? { id: parsed.message.id }
            : parsed.ok
              ? {}
              : parsed.id
                ? { id: parsed.id }
                : {}),
          code: ErrorCode.RATE_LIMITED,
          message: 'slow down: too many messages',
        });
        this.#violation();
        return;
      }
      if (!parsed.ok) {
        this.#reply({
          type: 'error',
          ...(parsed.id ? { id: parsed.id } : {}),
          code: parsed.code,
          message: parsed.message,
          ...(parsed.issues ? { details: parsed.issues } : {}),
        });
        this.#violation();
        return;
      }
      const message = parsed.message;
      if (message.type === 'ping') {
        this.#reply({ type: 'pong', t: message.t, serverTime: this.deps.clock.now() });
        return;
      }
      this.deps.dispatcher.handle(this, message);
    } catch (error) {
      // The dispatcher normalises command errors; reaching here is a bug, never the client's fault.
      this.deps.logger.error({ err: error }, 'unexpected error while handling a frame');
      this.#reply({
        type: 'error',
        code: ErrorCode.INTERNAL,
        message: 'internal error; nothing was changed',
      });
    }
  }
}
