/**
 * A simulated participant (host or player) on top of the thin client: tracks the last event
 * `seq`, counts replies per command id (to check exactly-once), and forwards the events a
 * scenario measures to its room's hooks with the receive time stamped first thing.
 */
import { connect } from './client.mjs';

/**
 * @typedef {object} RoomHooks  scenario callbacks; each gets (participant, msg, receiveTime, bytes)
 * @property {(p: Participant, msg: any, t: number, bytes: number) => void} [onQuestion]
 * @property {(p: Participant, msg: any, t: number) => void} [onResult]
 * @property {(p: Participant, msg: any, t: number) => void} [onLeaderboard]
 * @property {(p: Participant, msg: any, t: number) => void} [onHistogram]
 * @property {(p: Participant, msg: any, t: number) => void} [onSnapshot]
 * @property {(p: Participant, msg: any, t: number) => void} [onReply]
 */

/** Frames and bytes received by every participant of this process, by message type. */
const traffic = new Map();

/** Read and reset the traffic counters: `{ type: { messages, kB } }`. */
export function takeTraffic() {
  const out = {};
  for (const [type, c] of traffic) out[type] = { messages: c.messages, kB: Math.round(c.bytes / 1024) };
  traffic.clear();
  return out;
}

export class Participant {
  /**
   * @param {number} index
   * @param {RoomHooks} room
   */
  constructor(index, room) {
    this.i = index;
    this.room = room;
    /** @type {import('./client.mjs').Client | null} */
    this.client = null;
    this.token = '';
    this.playerId = '';
    this.lastSeq = -1;
    /** command id → { n: replies seen, msg: first reply, t: its receive time } */
    this.replies = new Map();
    /** @type {Map<string, (r: any) => void>} */
    this.waits = new Map();
    this.unexpectedErrors = 0;
    this.seqTarget = -1;
    /** @type {((t: number) => void) | null} */
    this.seqCb = null;
  }

  /** Call `cb(receiveTime)` once `lastSeq` reaches `target` (at once if it already has). */
  onSeq(target, cb, t) {
    if (this.lastSeq >= target) return cb(t);
    this.seqTarget = target;
    this.seqCb = cb;
  }

  /** Open a connection (replacing any previous one). */
  async open(framing, url, timeoutMs) {
    this.client = await connect(framing, url, (msg, t, bytes) => this.onMsg(msg, t, bytes), timeoutMs);
    return this.client;
  }

  send(msg) {
    this.client.send(msg);
  }

  /** Send a command and resolve with its first reply `{ n, msg, t }`; reject after `timeoutMs`. */
  request(msg, timeoutMs) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waits.delete(msg.id);
        reject(new Error(`${msg.type} ${msg.id}: no reply within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waits.set(msg.id, (r) => {
        clearTimeout(timer);
        resolve(r);
      });
      this.client.send(msg);
    });
  }

  onMsg(msg, t, bytes) {
    let c = traffic.get(msg.type);
    if (!c) {
      c = { messages: 0, bytes: 0 };
      traffic.set(msg.type, c);
    }
    c.messages += 1;
    c.bytes += bytes;
    if (typeof msg.seq === 'number' && msg.seq > this.lastSeq) {
      this.lastSeq = msg.seq;
      if (this.seqCb && this.lastSeq >= this.seqTarget) {
        const cb = this.seqCb;
        this.seqCb = null;
        this.seqTarget = -1;
        cb(t);
      }
    }
    const room = this.room;
    switch (msg.type) {
      case 'ack':
      case 'error': {
        if (msg.id === undefined) {
          this.unexpectedErrors += 1;
          return;
        }
        let r = this.replies.get(msg.id);
        if (!r) {
          r = { n: 0, msg, t };
          this.replies.set(msg.id, r);
        }
        r.n += 1;
        const w = this.waits.get(msg.id);
        if (w) {
          this.waits.delete(msg.id);
          w(r);
        }
        room.onReply?.(this, msg, t);
        return;
      }
      case 'question.next':
        room.onQuestion?.(this, msg, t, bytes);
        return;
      case 'question.result':
        room.onResult?.(this, msg, t);
        return;
      case 'leaderboard':
      case 'quiz.finished': // after the last question, "next" finishes instead
        room.onLeaderboard?.(this, msg, t);
        return;
      case 'histogram':
        room.onHistogram?.(this, msg, t);
        return;
      case 'session.snapshot':
        room.onSnapshot?.(this, msg, t);
        return;
      default:
    }
  }
}
