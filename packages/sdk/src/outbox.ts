import type { Command } from '@quizwire/protocol';
import { QuizError } from './errors.js';
import type { Timers } from './timers.js';

/** A command waiting for its one reply. */
export interface OutboxEntry {
  /** The full frame, `id` included; resent byte for byte so the server can deduplicate it. */
  readonly message: Command;
  /** How many times the frame went out on a socket. */
  tries: number;
  resolve(result: unknown): void;
  reject(error: QuizError): void;
  timer?: unknown;
}

/**
 * Commands in two lists: *outgoing* (never sent) and *pending* (sent, awaiting the ack).
 * Only pending commands are resent after a reconnect, with the same id; outgoing ones go out
 * once the session is back. Every entry has a timeout, and both lists together are capped.
 */
export interface Outbox {
  /** Queue a command as outgoing. Rejects it at once when the outbox is full. */
  add(entry: OutboxEntry): void;
  /** Move every outgoing command to pending and return them, oldest first, for sending. */
  flush(): OutboxEntry[];
  /** Pending commands, oldest first, with their try count raised, for resending. */
  resend(): OutboxEntry[];
  /** Remove a command (its reply arrived) and return it, or `undefined` for an unknown id. */
  take(id: string): OutboxEntry | undefined;
  /** Reject and remove every command. */
  rejectAll(error: QuizError): void;
  /** Every command, pending first, oldest first. */
  all(): OutboxEntry[];
}

/** Options of {@link createOutbox}. */
export interface OutboxOptions {
  timers: Timers;
  /** Milliseconds from `add` until the command rejects with `TIMEOUT`. */
  timeoutMs: number;
  /** Most commands held at once. @default 256 */
  limit?: number;
  /** Called whenever the lists change (the client persists answers here). */
  onChange?: () => void;
}

export function createOutbox({ timers, timeoutMs, limit = 256, onChange }: OutboxOptions): Outbox {
  const outgoing = new Map<string, OutboxEntry>();
  const pending = new Map<string, OutboxEntry>();
  const changed = () => onChange?.();

  const take = (id: string) => {
    const entry = pending.get(id) ?? outgoing.get(id);
    if (!entry) return undefined;
    pending.delete(id);
    outgoing.delete(id);
    timers.clearTimeout(entry.timer);
    changed();
    return entry;
  };

  return {
    add(entry) {
      const { id, type } = entry.message;
      if (outgoing.size + pending.size >= limit) {
        entry.reject(new QuizError('RATE_LIMITED', `${limit} commands already waiting`));
        return;
      }
      entry.timer = timers.setTimeout(() => {
        if (take(id)) entry.reject(new QuizError('TIMEOUT', `no reply to ${type}`));
      }, timeoutMs);
      outgoing.set(id, entry);
      changed();
    },
    flush() {
      const sent = [...outgoing.values()];
      outgoing.clear();
      for (const entry of sent) {
        entry.tries++;
        pending.set(entry.message.id, entry);
      }
      if (sent.length) changed();
      return sent;
    },
    resend() {
      const again = [...pending.values()];
      for (const entry of again) entry.tries++;
      return again;
    },
    take,
    rejectAll(error) {
      const all = [...pending.values(), ...outgoing.values()];
      pending.clear();
      outgoing.clear();
      for (const entry of all) {
        timers.clearTimeout(entry.timer);
        entry.reject(error);
      }
      if (all.length) changed();
    },
    all: () => [...pending.values(), ...outgoing.values()],
  };
}
