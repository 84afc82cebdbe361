import type { SequencedEvent, ServerMessage } from '@quizwire/protocol';

/**
 * Keeps the room's event stream whole. Events carry `seq`, one more each time; a duplicate is
 * dropped, a gap asks for a resume, and while a resume (or the first snapshot) is awaited
 * events are held, then applied in order in one batch, so the stores never show a
 * half-applied replay. Personal state messages (no `seq`) that arrive while holding are
 * applied after the held events, in the same batch.
 */
export interface Sync {
  /** `seq` of the last applied event; -1 before the first snapshot. */
  readonly lastSeq: number;
  /** Events are held: no baseline yet, or a resume is under way. */
  readonly holding: boolean;
  /** Feed one server event or personal state message, in arrival order. */
  receive(message: ServerMessage): void;
  /** A `session.resume` went out: hold events until it is answered. */
  begin(): void;
  /**
   * The resume is complete: its ack and every replayed event have arrived. With
   * `recovered: false` the snapshot ends the hold instead (it may already have).
   */
  resumed(recovered: boolean): void;
  /** Forget the stream (a new session starts). */
  reset(): void;
}

/** Options of {@link createSync}. */
export interface SyncOptions {
  /** Apply messages, in order, as one transaction. */
  apply(messages: ServerMessage[]): void;
  /** Ask the server to resume from `lastSeq` (a gap was seen). */
  resume(): void;
  /** Most messages held while waiting; the oldest go first (a resume resends them). @default 1000 */
  limit?: number;
}

export function createSync({ apply, resume, limit = 1000 }: SyncOptions): Sync {
  let last = -1;
  let holding = true;
  let held: SequencedEvent[] = [];
  let extra: ServerMessage[] = [];

  /** Apply `first` (if any), every held event that continues the stream, then held state. */
  const drain = (first?: ServerMessage) => {
    const run: ServerMessage[] = first ? [first] : [];
    held.sort((a, b) => a.seq - b.seq);
    let i = 0;
    for (; i < held.length; i++) {
      const event = held[i]!;
      if (event.seq <= last) continue;
      if (event.seq !== last + 1) break;
      last = event.seq;
      run.push(event);
    }
    held = held.slice(i);
    run.push(...extra);
    extra = [];
    holding = false;
    if (run.length) apply(run);
    if (held.length) {
      holding = true;
      resume();
    }
  };

  return {
    get lastSeq() {
      return last;
    },
    get holding() {
      return holding;
    },
    receive(message) {
      if (message.type === 'session.snapshot') {
        // A snapshot is the whole state as of its seq: it replaces, never merges.
        last = message.seq;
        return drain(message);
      }
      if (!('seq' in message)) {
        if (!holding) apply([message]);
        else if (extra.push(message) > limit) extra.shift();
        return;
      }
      const event = message as SequencedEvent;
      if (event.seq <= last) return;
      if (!holding && event.seq === last + 1) {
        last = event.seq;
        return apply([event]);
      }
      if (held.push(event) > limit) held.shift();
      if (!holding) {
        holding = true;
        resume();
      }
    },
    begin() {
      holding = true;
    },
    resumed(recovered) {
      if (holding && recovered && last >= 0) drain();
    },
    reset() {
      last = -1;
      holding = true;
      held = [];
      extra = [];
    },
  };
}
