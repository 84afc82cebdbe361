import { randomBytes } from 'node:crypto';
import type { Question } from '@quizwire/protocol';
import type { Logger } from 'pino';
import type { DoneReason, GenerationRequest, QuestionSource } from './types.js';

/** A delivered question as the SSE stream carries it. */
export interface DeliveredQuestion {
  index: number;
  source: 'model' | 'bank';
  question: Question;
}

/** The summary the SSE `done` event carries. */
export interface GenerationSummary {
  requested: number;
  delivered: number;
  fromModel: number;
  fromBank: number;
  rejected: number;
  reason?: DoneReason;
}

export type GenerationUpdate =
  | { type: 'question'; item: DeliveredQuestion }
  | { type: 'done'; summary: GenerationSummary };

/** One generation, kept after it ends so a dropped client can resume it. */
export class Generation {
  readonly questions: DeliveredQuestion[] = [];
  summary: GenerationSummary | undefined;
  /** The last run ended because every client left; a resume continues it. */
  interrupted = false;
  /** When the last run ended (creation time until then). */
  finishedAt: number;
  private readonly listeners = new Set<(update: GenerationUpdate) => void>();
  private controller: AbortController | undefined;
  private totals = { fromModel: 0, fromBank: 0, rejected: 0 };

  constructor(
    readonly id: string,
    readonly request: GenerationRequest,
    private readonly source: QuestionSource,
    private readonly logger: Logger,
    private readonly now: () => number,
  ) {
    this.finishedAt = now();
  }

  get running(): boolean {
    return this.controller !== undefined;
  }

  /**
   * Start (or, after an interruption, continue) the model run. A continuation asks only for the
   * missing questions, with the delivered prompts as history, and keeps the indices contiguous.
   */
  start(): void {
    if (this.controller || (this.summary && !this.interrupted)) return;
    const controller = new AbortController();
    this.controller = controller;
    this.summary = undefined;
    this.interrupted = false;
    const missing = this.request.count - this.questions.length;
    const history = this.questions.map((q) => q.question.prompt);
    void this.pump({ ...this.request, count: missing }, history, controller).catch((error: unknown) => {
      this.logger.error({ generationId: this.id, err: (error as Error)?.name }, 'generation run failed');
      this.finish(controller, undefined);
    });
  }

  private async pump(
    request: GenerationRequest,
    history: string[],
    controller: AbortController,
  ): Promise<void> {
    let reason: DoneReason | undefined;
    if (request.count > 0) {
      for await (const event of this.source.generate(request, { signal: controller.signal, history })) {
        if (event.type === 'question') {
          const item: DeliveredQuestion = {
            index: this.questions.length,
            source: event.source,
            question: event.question,
          };
          this.questions.push(item);
          this.emit({ type: 'question', item });
        } else if (event.type === 'done') {
          this.totals.fromModel += event.fromModel;
          this.totals.fromBank += event.fromBank;
          this.totals.rejected += event.rejected;
          reason = event.reason;
        }
      }
    }
    this.finish(controller, reason);
  }

  private finish(controller: AbortController, reason: DoneReason | undefined): void {
    if (this.controller !== controller) return;
    this.controller = undefined;
    this.finishedAt = this.now();
    this.interrupted = controller.signal.aborted && this.questions.length < this.request.count;
    this.summary = {
      requested: this.request.count,
      delivered: this.questions.length,
      ...this.totals,
      ...(reason ? { reason } : {}),
    };
    this.emit({ type: 'done', summary: this.summary });
  }

  /** Listen to updates; returns the unsubscribe function. */
  subscribe(listener: (update: GenerationUpdate) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
      // Nobody is watching any more: stop paying for the model call.
      if (this.listeners.size === 0) this.controller?.abort();
    };
  }

  /** Abort a running model call (server shutdown, eviction). */
  abort(): void {
    this.controller?.abort();
  }

  private emit(update: GenerationUpdate): void {
    for (const listener of [...this.listeners]) listener(update);
  }
}

export interface GenerationRegistryOptions {
  /** Generations kept (running or finished); the oldest finished ones go first. @default 200 */
  maxGenerations?: number;
  /** Model runs at once; more are refused with 503. @default 16 */
  maxRunning?: number;
  /** How long a finished generation stays resumable. @default 600_000 */
  ttlMs?: number;
  /** @default Date.now */
  now?: () => number;
}

/** A bounded registry of generations by id (unguessable, 96 bits). */
export class GenerationRegistry {
  private readonly items = new Map<string, Generation>();
  private readonly maxGenerations: number;
  readonly maxRunning: number;
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(options: GenerationRegistryOptions = {}) {
    this.maxGenerations = options.maxGenerations ?? 200;
    this.maxRunning = options.maxRunning ?? 16;
    this.ttlMs = options.ttlMs ?? 600_000;
    this.now = options.now ?? Date.now;
  }

  get runningCount(): number {
    let n = 0;
    for (const g of this.items.values()) if (g.running) n++;
    return n;
  }

  /** A new generation, or undefined when `maxRunning` runs are already going. */
  create(request: GenerationRequest, source: QuestionSource, logger: Logger): Generation | undefined {
    this.sweep();
    if (this.runningCount >= this.maxRunning) return undefined;
    for (const [id, g] of this.items) {
      if (this.items.size < this.maxGenerations) break;
      if (!g.running) this.items.delete(id);
    }
    if (this.items.size >= this.maxGenerations) return undefined;
    const generation = new Generation(
      `gen_${randomBytes(12).toString('base64url')}`,
      request,
      source,
      logger,
      this.now,
    );
    this.items.set(generation.id, generation);
    return generation;
  }

  get(id: string): Generation | undefined {
    this.sweep();
    return this.items.get(id);
  }

  /** Abort every running generation (server shutdown). */
  close(): void {
    for (const g of this.items.values()) g.abort();
    this.items.clear();
  }

  private sweep(): void {
    const cutoff = this.now() - this.ttlMs;
    for (const [id, g] of this.items) if (!g.running && g.finishedAt <= cutoff) this.items.delete(id);
  }
}
