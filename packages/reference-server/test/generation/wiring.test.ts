import { describe, expect, it } from 'vitest';
import { QuestionBank } from '../../src/game/bank.js';
import {
  type BankLike,
  GenerationProgressTracker,
  generationConfigFrom,
} from '../../src/generation/index.js';

describe('wiring helpers', () => {
  it('accepts the server question bank as the top-up bank', () => {
    const bank: BankLike = new QuestionBank([]);
    expect(bank.pick({ count: 2, difficulty: 'easy', exclude: new Set(['x']) })).toEqual([]);
  });

  it('maps the LLM_* settings onto a generation config with defaults', () => {
    const config = generationConfigFrom({
      llmBaseUrl: 'http://127.0.0.1:11434/v1',
      llmApiKey: undefined,
      llmModel: 'llama3.2',
      llmTimeoutMs: 20_000,
      llmStallMs: 8_000,
      llmStructuredOutputs: false,
    });
    expect(config).toEqual({
      baseUrl: 'http://127.0.0.1:11434/v1',
      model: 'llama3.2',
      timeoutMs: 20_000,
      stallMs: 8_000,
      structuredOutputs: false,
      maxDocumentBytes: 10 * 1024 * 1024,
      maxPages: 200,
      heartbeatMs: 15_000,
    });
  });

  it('folds generation events into generation.progress payloads', () => {
    const tracker = new GenerationProgressTracker(3);
    const q = { id: 'a', kind: 'single' as const, prompt: 'p?', options: ['a', 'b'], correct: [0] };
    expect(tracker.apply({ type: 'question', index: 0, source: 'model', question: q })).toMatchObject({
      status: 'running',
      ready: 1,
      fromModel: 1,
    });
    expect(tracker.apply({ type: 'rejected', reason: 'catch-all option' })).toBeUndefined();
    tracker.apply({ type: 'question', index: 1, source: 'bank', question: q });
    expect(tracker.apply({ type: 'done', fromModel: 1, fromBank: 1, rejected: 1, reason: 'stall' })).toEqual({
      status: 'done',
      ready: 2,
      requested: 3,
      fromModel: 1,
      fromBank: 1,
      reason: 'stall',
    });
    expect(
      new GenerationProgressTracker(2).apply({ type: 'done', fromModel: 0, fromBank: 0, rejected: 0 }),
    ).toMatchObject({
      status: 'failed',
    });
  });
});
