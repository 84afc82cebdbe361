import { randomInt } from 'node:crypto';
import type { Clock, TimerHandle } from '../clock.js';
import type { ServerConfig } from '../config.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics.js';
import type { Participant } from './participant.js';
import { Room, type RoomInit } from './room.js';

/** Join-code alphabet without look-alikes (0/O, 1/I/L, 5/S, 2/Z are kept apart by dropping O, I, L, S, Z). */
export const CODE_ALPHABET = '2345679ABCDEFGHJKMNPQRTUVWXY';
export const CODE_LENGTH = 6;

/** Upper-case a typed code and drop spaces and dashes, so "ab-cd 12" finds "ABCD12". */
export function normaliseCode(raw: string): string {
  return raw.toUpperCase().replace(/[\s-]/g, '');
}

export interface TokenBinding {
  room: Room;
  participant: Participant;
}

const SWEEP_MS = 30_000;

/**
 * All rooms of this process, keyed by join code, plus the token index that resume uses.
 * A single sweep timer reaps idle and finished rooms.
 */
export class RoomRegistry {
  readonly #rooms = new Map<string, Room>();
  readonly #tokens = new Map<string, TokenBinding>();
  #sweepTimer: TimerHandle | null = null;

  constructor(
    private readonly deps: { clock: Clock; config: ServerConfig; logger: Logger; metrics: Metrics },
  ) {
    this.#scheduleSweep();
  }

  get size(): number {
    return this.#rooms.size;
  }

  rooms(): IterableIterator<Room> {
    return this.#rooms.values();
  }

  /** Create a room with a fresh unambiguous code. */
  create(init: Omit<RoomInit, 'code'>): Room {
    let code = '';
    do {
      code = Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join(
        '',
      );
    } while (this.#rooms.has(code));
    const room = new Room(
      { ...init, code },
      {
        ...this.deps,
        onClosed: (r) => this.#remove(r),
        revoke: (token) => this.#tokens.delete(token),
      },
    );
    this.#rooms.set(code, room);
    this.deps.metrics.rooms.set(this.#rooms.size);
    return room;
  }

  byCode(raw: string): Room | undefined {
    return this.#rooms.get(normaliseCode(raw));
  }

  /** Index a participant's token so `session.resume` can find it. */
  bindToken(room: Room, participant: Participant): void {
    this.#tokens.set(participant.token, { room, participant });
  }

  byToken(token: string): TokenBinding | undefined {
    return this.#tokens.get(token);
  }

  #remove(room: Room): void {
    this.#rooms.delete(room.code);
    for (const [token, binding] of this.#tokens) if (binding.room === room) this.#tokens.delete(token);
    this.deps.metrics.rooms.set(this.#rooms.size);
  }

  #scheduleSweep(): void {
    this.#sweepTimer = this.deps.clock.setTimeout(() => {
      this.sweep();
      this.#scheduleSweep();
    }, SWEEP_MS);
  }

  /** Close rooms that sat idle too long or finished long enough ago. */
  sweep(): void {
    const now = this.deps.clock.now();
    for (const room of [...this.#rooms.values()]) {
      if (room.finishedAt !== null && now - room.finishedAt >= this.deps.config.finishedRoomMs)
        room.close('ended');
      else if (now - room.lastActivity >= this.deps.config.idleRoomMs) room.close('idle');
    }
  }

  /** Close every room (shutdown) and stop the sweep timer. */
  closeAll(reason: 'server_restart' | 'ended'): void {
    this.deps.clock.clearTimeout(this.#sweepTimer);
    this.#sweepTimer = null;
    for (const room of [...this.#rooms.values()]) room.close(reason);
  }
}
