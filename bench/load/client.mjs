/**
 * The thin load client: one `ws` socket speaking protocol v1's JSON frames, with no SDK
 * around it. At 10,000 clients in one process the SDK's per-client machinery (stores, outbox,
 * clock sync, timers) would cost the load generator more CPU than the server spends, and
 * measure the generator instead of the server. The same client drives all three servers; for
 * Socket.IO it adds Engine.IO v4 / Socket.IO v5 framing (`42["m",{...}]`, ping `2` → pong `3`)
 * on the same `ws` socket, so no server gets a heavier or lighter client than another.
 */
import WebSocket from 'ws';
import { now } from '../lib/stats.mjs';

/** @typedef {'ws' | 'eio'} Framing */

/**
 * @typedef {object} Client
 * @property {(msg: object) => void} send
 * @property {() => void} terminate  drop the TCP connection at once (no close handshake)
 * @property {() => void} close
 * @property {WebSocket} ws
 */

/**
 * Open one connection; resolves once the server accepts messages.
 * @param {Framing} framing
 * @param {string} url
 * @param {(msg: any, t: number, bytes: number) => void} onMsg  called with the receive time
 * @param {number} timeoutMs
 * @returns {Promise<Client>}
 */
export function connect(framing, url, onMsg, timeoutMs) {
  return new Promise((resolve, reject) => {
    const ws =
      framing === 'ws'
        ? new WebSocket(url, 'quizwire.v1', { perMessageDeflate: false, handshakeTimeout: timeoutMs })
        : new WebSocket(url, { perMessageDeflate: false, handshakeTimeout: timeoutMs });
    let settled = false;
    const timer = setTimeout(() => done(new Error(`connect timed out after ${timeoutMs} ms`)), timeoutMs);
    const client = {
      ws,
      send:
        framing === 'ws'
          ? (msg) => ws.send(JSON.stringify(msg))
          : (msg) => ws.send('42' + JSON.stringify(['m', msg])),
      terminate: () => ws.terminate(),
      close: () => ws.close(),
    };
    function done(err) {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (err) {
        ws.terminate();
        reject(err);
      } else resolve(client);
    }
    ws.on('error', (err) => done(err));
    ws.on('close', () => done(new Error('closed before ready')));
    if (framing === 'ws') {
      ws.on('open', () => done());
      ws.on('message', (data) => {
        const t = now();
        onMsg(JSON.parse(data.toString()), t, data.length);
      });
    } else {
      ws.on('message', (data) => {
        const t = now();
        const s = data.toString();
        if (s.charCodeAt(0) === 52 /* 4 */ && s.charCodeAt(1) === 50 /* 2 */) {
          const arr = JSON.parse(s.slice(2));
          onMsg(arr[1], t, data.length);
        } else if (s === '2') ws.send('3');
        else if (s.startsWith('0')) ws.send('40');
        else if (s.startsWith('40')) done();
        else if (s.startsWith('44')) done(new Error(`namespace refused: ${s}`));
      });
    }
  });
}

/**
 * Run `task(i)` for i in [0, count) with at most `limit` in flight. Every task is awaited;
 * failures are collected, not thrown.
 * @template T
 * @param {number} count
 * @param {number} limit
 * @param {(i: number) => Promise<T>} task
 */
export async function pool(count, limit, task) {
  /** @type {(T | undefined)[]} */
  const results = new Array(count);
  /** @type {unknown[]} */
  const errors = [];
  let next = 0;
  async function lane() {
    while (next < count) {
      const i = next++;
      try {
        results[i] = await task(i);
      } catch (err) {
        errors.push(err);
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, count) }, lane));
  return { results, errors };
}

/**
 * A counter that resolves when it reaches `target`, or at `timeoutMs` with `timedOut: true`.
 * Bounded in time by construction.
 */
export function barrier(target, timeoutMs) {
  let count = 0;
  let resolve;
  const promise = new Promise((r) => {
    resolve = r;
  });
  const timer = setTimeout(() => resolve({ count, timedOut: true }), timeoutMs);
  if (target <= 0) {
    clearTimeout(timer);
    resolve({ count, timedOut: false });
  }
  return {
    hit() {
      count += 1;
      if (count === target) {
        clearTimeout(timer);
        resolve({ count, timedOut: false });
      }
    },
    get count() {
      return count;
    },
    promise,
  };
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
