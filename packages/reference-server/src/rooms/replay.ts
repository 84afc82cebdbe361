/** One serialised sequenced event. */
export interface ReplayEntry {
  seq: number;
  /** The bytes every player got. */
  frame: Buffer;
  /** The host's and screens' view of the same event, when it differs (big rooms' lobby). */
  staffFrame?: Buffer;
}

/**
 * The last `capacity` sequenced events of a room, as the exact bytes first sent, so a
 * resuming client gets precisely what it missed.
 */
export class ReplayBuffer {
  readonly #entries: ReplayEntry[] = [];
  constructor(readonly capacity: number) {}

  push(entry: ReplayEntry): void {
    this.#entries.push(entry);
    if (this.#entries.length > this.capacity) this.#entries.shift();
  }

  /**
   * Events after `lastSeq`, or `null` when some of them have already been dropped (the
   * client then needs a snapshot). `currentSeq` is the room's latest seq.
   */
  since(lastSeq: number, currentSeq: number): ReplayEntry[] | null {
    if (lastSeq > currentSeq || lastSeq < 0) return null;
    if (lastSeq === currentSeq) return [];
    const first = this.#entries[0];
    if (!first || first.seq > lastSeq + 1) return null;
    return this.#entries.slice(lastSeq + 1 - first.seq);
  }

  clear(): void {
    this.#entries.length = 0;
  }
}
