import { createServer, type Server, type Socket, connect as tcpConnect } from 'node:net';

/** A seeded PRNG (mulberry32): the same seed gives the same fault decisions. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One client connection through the proxy. */
export interface Link {
  readonly id: number;
  readonly client: Socket;
  readonly server: Socket;
  /** Stop forwarding server → client bytes (the client stops hearing anything). */
  swallow: boolean;
  /** Cut both sides at once, as a network failure would. */
  drop(): void;
}

export interface ProxyOptions {
  /** Seed of every random decision. @default 1 */
  seed?: number;
  /** Chance, per forwarded chunk, that the connection is cut there. @default 0 */
  dropChance?: number;
  /** Largest extra delay per chunk, ms (order within a connection is kept). @default 0 */
  maxDelayMs?: number;
  /**
   * Cut the connection instead of delivering a server → client chunk that holds an answer's
   * ack, for this share of answer acks: the answer was counted but the client never heard.
   * @default 0
   */
  loseAnswerAckChance?: number;
}

export interface TcpProxy {
  readonly url: string;
  readonly links: Link[];
  /** Refuse new connections while true (clients keep retrying). */
  refuse: boolean;
  /** Turn the random faults on or off (the seeded sequence continues). */
  faults: boolean;
  readonly stats: { dropped: number; answerAcksLost: number; answerAcks: Map<string, number> };
  /** Answer ids the server acknowledged more than once: resends it recognised and did not count again. */
  duplicatesRefused(): number;
  dropAll(): void;
  close(): Promise<void>;
}

const ANSWER_ACK = /"type":"ack","id":"([^"]+)","result":\{"questionId"/g;

/**
 * A TCP proxy between WebSocket clients and the server: it cuts connections at seeded random
 * moments, delays delivery, and can lose exactly the ack of an answer.
 */
export async function startProxy(target: string, options: ProxyOptions = {}): Promise<TcpProxy> {
  const { seed = 1, dropChance = 0, maxDelayMs = 0, loseAnswerAckChance = 0 } = options;
  const random = seeded(seed);
  const { hostname, port, pathname } = new URL(target);
  const links: Link[] = [];
  const stats = { dropped: 0, answerAcksLost: 0, answerAcks: new Map<string, number>() };
  let nextId = 1;
  let refuse = false;
  let faults = true;

  const server: Server = createServer((client) => {
    if (refuse) {
      client.destroy();
      return;
    }
    const upstream = tcpConnect({ host: hostname, port: Number(port) });
    client.setNoDelay(true);
    upstream.setNoDelay(true);
    let dead = false;
    const link: Link = {
      id: nextId++,
      client,
      server: upstream,
      swallow: false,
      drop() {
        if (dead) return;
        dead = true;
        stats.dropped++;
        client.destroy();
        upstream.destroy();
      },
    };
    links.push(link);
    const close = () => {
      dead = true;
      client.destroy();
      upstream.destroy();
    };
    client.on('error', close).on('close', close);
    upstream.on('error', close).on('close', close);

    // Each direction delivers in order; a delay only pushes the whole queue back.
    const pipe = (from: Socket, to: Socket, down: boolean) => {
      let readyAt = 0;
      let tail = '';
      from.on('data', (chunk: Buffer) => {
        if (dead) return;
        let losesAck = false;
        if (down) {
          // Server frames are unmasked: read answer acks straight from the bytes.
          const text = tail + chunk.toString('latin1');
          for (const m of text.matchAll(ANSWER_ACK)) {
            if (m.index + m[0].length <= tail.length) continue;
            const id = m[1]!;
            stats.answerAcks.set(id, (stats.answerAcks.get(id) ?? 0) + 1);
            if (faults && loseAnswerAckChance > 0 && random() < loseAnswerAckChance) losesAck = true;
          }
          tail = text.slice(-300);
        }
        if (down && link.swallow) return;
        if (losesAck) {
          stats.answerAcksLost++;
          link.drop();
          return;
        }
        if (faults && dropChance > 0 && random() < dropChance) {
          link.drop();
          return;
        }
        const delay = faults && maxDelayMs > 0 ? random() * maxDelayMs : 0;
        if (delay === 0 && readyAt <= Date.now()) {
          to.write(chunk);
          return;
        }
        readyAt = Math.max(readyAt, Date.now() + delay);
        setTimeout(() => dead || to.write(chunk), readyAt - Date.now());
      });
    };
    pipe(client, upstream, false);
    pipe(upstream, client, true);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const proxyPort = typeof address === 'object' && address ? address.port : 0;

  return {
    url: `ws://127.0.0.1:${proxyPort}${pathname}`,
    links,
    stats,
    get refuse() {
      return refuse;
    },
    set refuse(value: boolean) {
      refuse = value;
    },
    get faults() {
      return faults;
    },
    set faults(value: boolean) {
      faults = value;
    },
    duplicatesRefused: () => [...stats.answerAcks.values()].reduce((n, count) => n + count - 1, 0),
    dropAll() {
      for (const link of links) link.drop();
    },
    close() {
      for (const link of links) {
        link.client.destroy();
        link.server.destroy();
      }
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
