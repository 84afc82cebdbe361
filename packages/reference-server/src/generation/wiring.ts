import { DEFAULT_GENERATION_CONFIG, type GenerationConfig, type GenerationEvent } from './types.js';

/** The `LLM_*` part of the server configuration (structurally; no import of the server config). */
export interface LlmSettings {
  llmBaseUrl?: string | undefined;
  llmApiKey?: string | undefined;
  llmModel?: string | undefined;
  llmTimeoutMs: number;
  llmStallMs: number;
  llmStructuredOutputs: boolean;
}

/**
 * Map the server's `LLM_*` settings onto a `GenerationConfig`, defaults for the rest.
 * @example createQuestionSource(generationConfigFrom(config), { bank, logger })
 */
export function generationConfigFrom(
  settings: LlmSettings,
  overrides: Partial<GenerationConfig> = {},
): GenerationConfig {
  return {
    ...DEFAULT_GENERATION_CONFIG,
    ...(settings.llmBaseUrl ? { baseUrl: settings.llmBaseUrl } : {}),
    ...(settings.llmApiKey ? { apiKey: settings.llmApiKey } : {}),
    ...(settings.llmModel ? { model: settings.llmModel } : {}),
    timeoutMs: settings.llmTimeoutMs,
    stallMs: settings.llmStallMs,
    structuredOutputs: settings.llmStructuredOutputs,
    ...overrides,
  };
}

/** The payload of a protocol `generation.progress` event (without `type` and `seq`). */
export interface GenerationProgress {
  status: 'running' | 'done' | 'failed';
  ready: number;
  requested: number;
  fromModel: number;
  fromBank: number;
  reason?: string;
}

/**
 * Folds generation events into `generation.progress` payloads for the room. `apply` returns the
 * new progress after a question or the final event, and undefined for rejections (those are
 * never shown). `failed`: the run ended with no question at all.
 * @example
 * const progress = new GenerationProgressTracker(request.count);
 * for await (const e of source.generate(request, { signal, history })) {
 *   if (e.type === 'question') sendToHost({ type: 'generation.question', index: e.index, source: e.source, question: e.question });
 *   const p = progress.apply(e);
 *   if (p) broadcast({ type: 'generation.progress', ...p });
 * }
 */
export class GenerationProgressTracker {
  private state: GenerationProgress;

  constructor(requested: number) {
    this.state = { status: 'running', ready: 0, requested, fromModel: 0, fromBank: 0 };
  }

  get current(): GenerationProgress {
    return this.state;
  }

  apply(event: GenerationEvent): GenerationProgress | undefined {
    if (event.type === 'rejected') return undefined;
    if (event.type === 'question') {
      const key = event.source === 'model' ? 'fromModel' : 'fromBank';
      this.state = { ...this.state, ready: this.state.ready + 1, [key]: this.state[key] + 1 };
      return this.state;
    }
    this.state = {
      status: this.state.ready === 0 ? 'failed' : 'done',
      ready: this.state.ready,
      requested: this.state.requested,
      fromModel: event.fromModel,
      fromBank: event.fromBank,
      ...(event.reason ? { reason: event.reason } : {}),
    };
    return this.state;
  }
}
