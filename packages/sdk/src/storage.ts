import type { ClientMessageOf, Role } from '@quizwire/protocol';

/** The part of the Web Storage API the SDK uses (`sessionStorage`, `localStorage`, or your own). */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** What survives a page reload: enough to resume the participant and resend its answers. */
export interface PersistedSession {
  v: 1;
  code: string;
  role: Role;
  resumeToken: string;
  /** Present for players. */
  playerId?: string;
  /** Last event seq applied by the instance that wrote this. */
  lastSeq: number;
  /** `answer.submit` frames not yet acknowledged, with their original ids. */
  answers: ClientMessageOf<'answer.submit'>[];
}

/** Reads and writes the persisted session under one key; never throws (storage may be full or blocked). */
export interface Persistence {
  load(): PersistedSession | null;
  save(session: PersistedSession | null): void;
}

/**
 * `sessionStorage` when the platform has one and allows it (sandboxed iframes throw on
 * access), else `null`. Per tab: a reload resumes, a second tab is a new participant.
 * This is what the `storage` option defaults to.
 * @example
 * const storage = defaultStorage() ?? memoryStorage();
 */
export function defaultStorage(): StorageLike | null {
  try {
    const storage = (globalThis as { sessionStorage?: StorageLike }).sessionStorage;
    return storage ?? null;
  } catch {
    return null;
  }
}

/**
 * A `StorageLike` kept in memory: for Node, and for tests that simulate a reload by handing
 * the same object to a new client.
 *
 * @example
 * const storage = memoryStorage();
 * const a = createQuizClient({ url, WebSocket, storage });
 * // … later, "reload":
 * const b = createQuizClient({ url, WebSocket, storage });
 */
export function memoryStorage(): StorageLike {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, String(value)),
    removeItem: (key) => void items.delete(key),
  };
}

export function createPersistence(storage: StorageLike | null, key: string): Persistence {
  return {
    load() {
      try {
        const raw = storage?.getItem(key);
        const value = raw && (JSON.parse(raw) as PersistedSession);
        return value && value.v === 1 ? value : null;
      } catch {
        return null;
      }
    },
    save(session) {
      try {
        if (session) storage?.setItem(key, JSON.stringify(session));
        else storage?.removeItem(key);
      } catch {
        // Quota or privacy mode: the session still works, it just will not survive a reload.
      }
    },
  };
}
