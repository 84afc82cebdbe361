import { randomBytes } from 'node:crypto';
import type { ExtractedDocument } from './types.js';

export interface DocumentStoreOptions {
  /** How long an upload stays usable. @default 3_600_000 (1 h) */
  ttlMs?: number;
  /** Most documents kept; the oldest goes first. @default 200 */
  maxDocuments?: number;
  /** Most characters kept over all documents; the oldest go first. @default 50_000_000 */
  maxChars?: number;
  /** @default Date.now */
  now?: () => number;
}

/**
 * Uploaded documents, in memory, between `POST /api/documents` and the `quiz.generate` or
 * `POST /api/generate` that uses them. Bounded by count, characters and age; ids are
 * unguessable (128 bits), because the id is the only thing that grants use of a document.
 */
export class DocumentStore {
  private readonly docs = new Map<string, { doc: ExtractedDocument; expires: number }>();
  private chars = 0;
  private readonly ttlMs: number;
  private readonly maxDocuments: number;
  private readonly maxChars: number;
  private readonly now: () => number;

  constructor(options: DocumentStoreOptions = {}) {
    this.ttlMs = options.ttlMs ?? 3_600_000;
    this.maxDocuments = options.maxDocuments ?? 200;
    this.maxChars = options.maxChars ?? 50_000_000;
    this.now = options.now ?? Date.now;
  }

  /** Store a document; returns its id. Evicts expired, then oldest entries to stay within bounds. */
  put(doc: ExtractedDocument): string {
    this.sweep();
    const id = `doc_${randomBytes(16).toString('base64url')}`;
    this.docs.set(id, { doc, expires: this.now() + this.ttlMs });
    this.chars += doc.chars;
    for (const oldest of this.docs.keys()) {
      if (this.docs.size <= this.maxDocuments && this.chars <= this.maxChars) break;
      if (oldest === id) break;
      this.delete(oldest);
    }
    return id;
  }

  /** The document, or undefined when unknown or expired. */
  get(id: string): ExtractedDocument | undefined {
    const entry = this.docs.get(id);
    if (!entry) return undefined;
    if (entry.expires <= this.now()) {
      this.delete(id);
      return undefined;
    }
    return entry.doc;
  }

  delete(id: string): void {
    const entry = this.docs.get(id);
    if (!entry) return;
    this.chars -= entry.doc.chars;
    this.docs.delete(id);
  }

  get size(): number {
    return this.docs.size;
  }

  private sweep(): void {
    const now = this.now();
    for (const [id, entry] of this.docs) if (entry.expires <= now) this.delete(id);
  }
}
