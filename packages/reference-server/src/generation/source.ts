import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import type { Question } from '@quizwire/protocol';
import { jsonSchema, Output, streamText, wrapLanguageModel } from 'ai';
import type { Logger } from 'pino';
import { JsonExtractor, jsonExtractMiddleware } from './json-stream.js';
import { buildPrompt } from './prompt.js';
import { describeError, generationLogger, secretScrubber } from './redact.js';
import { secureRandomInt, shuffleBankQuestion, toQuestion } from './shuffle.js';
import { matchKey } from './text.js';
import {
  type BankLike,
  DoneReason,
  type GenerateOptions,
  type GenerationConfig,
  type GenerationEvent,
  type GenerationRequest,
  type QuestionSource,
  type RandomInt,
} from './types.js';
import { validateElement } from './validate.js';

export interface SourceDeps {
  bank: BankLike;
  logger: Logger;
  /** Randomness for option shuffles. @default crypto.randomInt */
  random?: RandomInt;
  /** Clock for durations in logs. @default performance.now */
  now?: () => number;
}

/** Most questions one generation may ask for. */
export const MAX_GENERATION_COUNT = 50;

/**
 * The question source the server uses: the LLM generator when `config.baseUrl` is set, topped up
 * from the bank; the bank alone otherwise. Every run ends with exactly one `done` event and
 * never outlives `config.timeoutMs` by more than the bank top-up.
 * @throws Error naming `LLM_MODEL` when an endpoint is configured without a model.
 * @example
 * const source = createQuestionSource({ ...DEFAULT_GENERATION_CONFIG, baseUrl, apiKey, model }, { bank, logger });
 * for await (const event of source.generate({ topic: 'photosynthesis', count: 10 }, { signal })) …
 */
export function createQuestionSource(config: GenerationConfig, deps: SourceDeps): QuestionSource {
  if (config.baseUrl && !config.model) throw new Error('LLM_MODEL is required when LLM_BASE_URL is set');
  const log = generationLogger(deps.logger);
  const scrub = secretScrubber(config.apiKey);
  const random = deps.random ?? secureRandomInt;
  const now = deps.now ?? (() => performance.now());
  const provider = config.baseUrl
    ? createOpenAICompatible({
        baseURL: config.baseUrl,
        name: 'llm',
        ...(config.apiKey ? { apiKey: config.apiKey } : {}),
        supportsStructuredOutputs: config.structuredOutputs,
      })
    : undefined;

  async function* generate(
    request: GenerationRequest,
    options: GenerateOptions = {},
  ): AsyncGenerator<GenerationEvent, void, undefined> {
    const started = now();
    const count = Math.max(0, Math.min(MAX_GENERATION_COUNT, Math.floor(request.count)));
    const history = options.history ?? [];
    const seen = new Set(history.map(matchKey));
    const exclude = new Set<string>(history);
    let index = 0;
    let fromModel = 0;
    let rejected = 0;
    let reason: DoneReason | undefined;

    if (provider && config.model && count > 0) {
      const run = modelRun(provider.chatModel(config.model), request, count, seen, options.signal);
      for await (const item of run.events) {
        if (item.type === 'rejected') {
          rejected++;
          yield item;
          continue;
        }
        exclude.add(item.question.prompt);
        fromModel++;
        yield { type: 'question', index: index++, source: 'model', question: item.question };
      }
      reason = run.reason();
    } else if (count > 0) {
      reason = DoneReason.NO_MODEL;
    }

    if (options.signal?.aborted) {
      log.info({ fromModel, rejected, ms: Math.round(now() - started) }, 'generation aborted by caller');
      yield { type: 'done', fromModel, fromBank: 0, rejected };
      return;
    }
    let fromBank = 0;
    const need = count - index;
    if (need > 0) {
      for (const q of pickFromBank(request, need, seen, exclude)) {
        fromBank++;
        yield { type: 'question', index: index++, source: 'bank', question: q };
      }
    }
    log.info(
      { fromModel, fromBank, rejected, reason, requested: count, ms: Math.round(now() - started) },
      'generation done',
    );
    yield { type: 'done', fromModel, fromBank, rejected, ...(reason ? { reason } : {}) };
  }

  function pickFromBank(
    request: GenerationRequest,
    need: number,
    seen: Set<string>,
    exclude: Set<string>,
  ): Question[] {
    let picked: Question[];
    try {
      picked = deps.bank.pick({
        count: need + 10,
        ...(request.difficulty ? { difficulty: request.difficulty } : {}),
        exclude,
      });
    } catch (error) {
      log.error(describeError(error, scrub), 'bank pick failed');
      return [];
    }
    const out: Question[] = [];
    for (const q of picked) {
      const key = matchKey(q.prompt);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(shuffleBankQuestion(q, random));
      if (out.length === need) break;
    }
    return out;
  }

  /**
   * One streamed model call. `events` yields validated questions and rejections; `reason()`
   * afterwards says why the model fell short, if it did. Ends quietly on timeout, stall, HTTP
   * error or the caller's abort; timers and listeners are always released.
   */
  function modelRun(
    base: Parameters<typeof wrapLanguageModel>[0]['model'],
    request: GenerationRequest,
    count: number,
    seen: Set<string>,
    signal: AbortSignal | undefined,
  ) {
    const controller = new AbortController();
    let cause: 'timeout' | 'stall' | 'caller' | 'enough' | undefined;
    let httpError: unknown;
    let accepted = 0;
    const stop = (why: NonNullable<typeof cause>) => {
      cause ??= why;
      controller.abort();
    };

    async function* events(): AsyncGenerator<
      { type: 'question'; question: Question } | { type: 'rejected'; reason: string },
      void,
      undefined
    > {
      if (signal?.aborted) return;
      const onCallerAbort = () => stop('caller');
      signal?.addEventListener('abort', onCallerAbort, { once: true });
      const deadline = setTimeout(() => stop('timeout'), config.timeoutMs);
      let stall = setTimeout(() => stop('stall'), config.stallMs);
      const prompt = buildPrompt(request, count + Math.min(3, Math.ceil(count / 4)));
      const extractor = new JsonExtractor();
      log.debug(
        { model: config.model, requested: count, pages: prompt.pages ? [...prompt.pages.keys()] : undefined },
        'model call started',
      );
      const context = {
        seen,
        ...(prompt.pages ? { pages: prompt.pages } : {}),
        ...(request.language ? { language: request.language } : {}),
      };
      let delivered = 0;
      function* consider(raw: unknown) {
        const checked = validateElement(raw, context);
        const built = checked.ok
          ? toQuestion(checked.value, {
              ...(request.difficulty ? { difficulty: request.difficulty } : {}),
              random,
            })
          : checked;
        if (!built.ok) {
          log.info({ reason: built.reason }, 'generated element rejected');
          yield { type: 'rejected' as const, reason: built.reason };
          return;
        }
        if (checked.ok) seen.add(checked.value.key);
        accepted++;
        yield { type: 'question' as const, question: built.question };
      }
      try {
        const result = streamText({
          model: wrapLanguageModel({ model: base, middleware: jsonExtractMiddleware(extractor) }),
          system: prompt.system,
          prompt: prompt.user,
          output: Output.array({ element: jsonSchema(elementSchema(Boolean(request.document))) }),
          abortSignal: controller.signal,
          maxRetries: 0,
          maxOutputTokens: 600 + count * 220,
          onError: ({ error }) => {
            if (!controller.signal.aborted) httpError = error;
          },
        });
        for await (const raw of result.elementStream) {
          delivered++;
          clearTimeout(stall);
          stall = setTimeout(() => stop('stall'), config.stallMs);
          yield* consider(raw);
          if (accepted >= count) {
            stop('enough');
            return;
          }
        }
        // The SDK releases an element only when the next one starts: after a stall or a cut
        // the last complete element is still in the extractor.
        if (cause !== 'caller' && cause !== 'enough') {
          for (const raw of (await extractor.completeElements()).slice(delivered)) {
            yield* consider(raw);
            if (accepted >= count) return;
          }
        }
      } catch (error) {
        httpError ??= error;
      } finally {
        clearTimeout(deadline);
        clearTimeout(stall);
        signal?.removeEventListener('abort', onCallerAbort);
        controller.abort();
        if (httpError !== undefined && cause === undefined) {
          log.warn(describeError(httpError, scrub), 'model call failed');
        } else if (cause === 'timeout' || cause === 'stall') {
          log.warn({ cause, accepted }, 'model call abandoned');
        }
      }
    }

    return {
      events: events(),
      reason(): DoneReason | undefined {
        if (cause === 'enough' || cause === 'caller') return undefined;
        if (cause === 'timeout') return DoneReason.TIMEOUT;
        if (cause === 'stall') return DoneReason.STALL;
        if (httpError !== undefined) return DoneReason.HTTP_ERROR;
        return accepted >= count ? undefined : DoneReason.INVALID_OUTPUT;
      },
    };
  }

  return { generate };
}

/**
 * JSON schema of one element, sent to providers with structured outputs. Deliberately loose
 * (no item counts): the SDK drops elements that fail its schema silently, and every rejection
 * must be counted and logged, so `validateElement` does the real checking.
 */
function elementSchema(withSource: boolean) {
  const properties: Record<string, unknown> = {
    question: { type: 'string', description: 'The question, without the answer in it' },
    correct: { type: 'string', description: 'The one correct answer' },
    distractors: { type: 'array', items: { type: 'string' }, description: 'Exactly 3 wrong answers' },
  };
  if (withSource) {
    properties.page = { type: 'integer', description: 'Page the fact is on' };
    properties.quote = { type: 'string', description: 'Exact quote from that page, 8–30 words' };
  }
  return {
    type: 'object' as const,
    properties,
    required: Object.keys(properties),
    additionalProperties: false,
  } as Parameters<typeof jsonSchema>[0];
}
