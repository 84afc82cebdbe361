import type { Question } from '@quizwire/protocol';
import { questionSchema } from '@quizwire/protocol/schemas';
import { pino } from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createQuestionSource,
  DEFAULT_GENERATION_CONFIG,
  type GenerationConfig,
  type GenerationEvent,
} from '../../src/generation/index.js';
import {
  collect,
  type FakeLlm,
  fakeBank,
  GOOD,
  type Script,
  startFakeLlm,
  streamElements,
} from './fake-llm.js';

const silent = pino({ level: 'silent' });
let fake: FakeLlm | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function setup(script: Script | ((n: number) => Script), config: Partial<GenerationConfig> = {}) {
  fake = await startFakeLlm(() => (typeof script === 'function' ? script(fake!.requests.length) : script));
  const bank = fakeBank();
  const source = createQuestionSource(
    { ...DEFAULT_GENERATION_CONFIG, baseUrl: fake.baseUrl, model: 'fake-model', apiKey: 'k', ...config },
    { bank, logger: silent },
  );
  return { source, bank, fake };
}

type Q = Extract<GenerationEvent, { type: 'question' }>;
const questions = (events: GenerationEvent[]) => events.filter((e): e is Q => e.type === 'question');
const done = (events: GenerationEvent[]) => events.at(-1) as Extract<GenerationEvent, { type: 'done' }>;
const correctText = (q: Question) => q.options[q.correct[0]!];

describe('LLM question source', () => {
  it('streams questions one by one, before the model stream ends', async () => {
    const { source } = await setup({ steps: streamElements(GOOD.slice(0, 3), { gapMs: 120, tokenMs: 5 }) });
    const { events, times } = await collect(source.generate({ topic: 'photosynthesis', count: 3 }));
    const qs = questions(events);
    expect(qs.map((q) => q.source)).toEqual(['model', 'model', 'model']);
    expect(qs.map((q) => q.index)).toEqual([0, 1, 2]);
    expect(done(events)).toEqual({ type: 'done', fromModel: 3, fromBank: 0, rejected: 0 });
    // The first question reached us while the model was still writing the second and third.
    expect(times[0]!).toBeLessThan(fake!.marks.get('element-2-end')!);
    expect(times[0]!).toBeLessThan(fake!.lastWriteAt);
    qs.forEach((q, i) => {
      expect(questionSchema.safeParse(q.question).success).toBe(true);
      expect(q.question.kind).toBe('single');
      expect(q.question.id).toMatch(/^gen-/);
      expect(correctText(q.question)).toBe(GOOD[i]!.correct);
      expect(q.question.options).toHaveLength(4);
    });
  });

  it('sends a streamed chat request with a JSON schema, a system prompt and no tools', async () => {
    const { source } = await setup({ steps: streamElements(GOOD.slice(0, 1)) });
    await collect(source.generate({ topic: 'photosynthesis', count: 1, difficulty: 'hard', language: 'en' }));
    const body = fake!.requests[0]!.body;
    expect(fake!.requests[0]!.url).toBe('/v1/chat/completions');
    expect(body.model).toBe('fake-model');
    expect(body.stream).toBe(true);
    expect(body.tools).toBeUndefined();
    expect(body.response_format?.type).toBe('json_schema');
    expect(body.messages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(body.messages[0]!.content).not.toContain('photosynthesis');
    expect(body.messages[1]!.content).toContain('photosynthesis');
    expect(body.messages[1]!.content).toContain('Difficulty: hard');
  });

  it('asks for json_object when the provider has no structured outputs', async () => {
    const { source } = await setup({ steps: streamElements(GOOD.slice(0, 1)) }, { structuredOutputs: false });
    const { events } = await collect(source.generate({ topic: 'x', count: 1 }));
    expect(fake!.requests[0]!.body.response_format).toEqual({ type: 'json_object' });
    expect(done(events).fromModel).toBe(1);
  });

  it('keeps what came before a stall and tops up from the bank', async () => {
    const steps = streamElements(GOOD.slice(0, 2), { gapMs: 60, tokenMs: 5 }).slice(0, -1); // no closing ]}
    const stallMs = 1_000; // generous, so a loaded CI machine still gets both elements out first
    const { source } = await setup({ steps, hang: true }, { stallMs, timeoutMs: 10_000 });
    const { events } = await collect(source.generate({ topic: 'photosynthesis', count: 5 }));
    const endedAt = performance.now();
    const qs = questions(events);
    expect(qs.map((q) => q.source)).toEqual(['model', 'model', 'bank', 'bank', 'bank']);
    expect(qs.map((q) => q.index)).toEqual([0, 1, 2, 3, 4]);
    expect(done(events)).toMatchObject({ fromModel: 2, fromBank: 3, reason: 'stall' });
    // The stall clock runs from the last element the SDK released (element 0, once element 1
    // began), so the run ends a stall limit after that, not at the overall deadline.
    const sinceLast = endedAt - fake!.marks.get('element-1-end')!;
    expect(sinceLast).toBeGreaterThanOrEqual(stallMs - 100);
    expect(sinceLast).toBeLessThan(stallMs + 1_000);
    await vi.waitFor(() => expect(fake!.clientAborts).toBe(1));
  });

  it('falls back to the bank within the deadline when the model never answers', async () => {
    const { source } = await setup({ silent: true }, { timeoutMs: 300, stallMs: 10_000 });
    const t0 = performance.now();
    const { events } = await collect(source.generate({ topic: 'x', count: 4 }));
    const elapsed = performance.now() - t0;
    expect(done(events)).toEqual({ type: 'done', fromModel: 0, fromBank: 4, rejected: 0, reason: 'timeout' });
    expect(questions(events).every((q) => q.source === 'bank')).toBe(true);
    expect(elapsed).toBeGreaterThanOrEqual(295);
    expect(elapsed).toBeLessThan(300 + 400);
  });

  it('treats a first element that never comes as a stall', async () => {
    const { source } = await setup({ steps: [{ content: '{"elements":[' }], hang: true }, { stallMs: 200 });
    const { events } = await collect(source.generate({ topic: 'x', count: 2 }));
    expect(done(events)).toMatchObject({ fromModel: 0, fromBank: 2, reason: 'stall' });
  });

  it.each([500, 429])('tops up from the bank after HTTP %i, without retrying', async (status) => {
    const { source } = await setup({ status, body: '{"error":{"message":"nope"}}' });
    const t0 = performance.now();
    const { events } = await collect(source.generate({ topic: 'x', count: 3 }));
    expect(done(events)).toEqual({
      type: 'done',
      fromModel: 0,
      fromBank: 3,
      rejected: 0,
      reason: 'http_error',
    });
    expect(fake!.requests).toHaveLength(1);
    expect(performance.now() - t0).toBeLessThan(1_000);
  });

  it('reports http_error when the endpoint refuses connections', async () => {
    const bank = fakeBank();
    const source = createQuestionSource(
      { ...DEFAULT_GENERATION_CONFIG, baseUrl: 'http://127.0.0.1:9/v1', model: 'm' },
      { bank, logger: silent },
    );
    const { events } = await collect(source.generate({ topic: 'x', count: 2 }));
    expect(done(events)).toMatchObject({ fromBank: 2, reason: 'http_error' });
  });

  it('tops up from the bank when the model writes malformed JSON', async () => {
    const { source } = await setup({
      steps: [
        { content: '{"elements": [{"question": "Which gas" "correct": Oxygen, ' },
        { content: 'oops}}}' },
      ],
    });
    const { events } = await collect(source.generate({ topic: 'x', count: 2 }));
    expect(done(events)).toMatchObject({ fromModel: 0, fromBank: 2, reason: 'invalid_output' });
  });

  it('rejects invalid elements, counts them and keeps the valid ones', async () => {
    const bad = [
      {
        question: 'Which planet is largest in the solar system?',
        correct: 'Jupiter',
        distractors: ['Mars', 'Venus'],
      },
      {
        question: 'Which metal is liquid at room temperature?',
        correct: 'Mercury',
        distractors: ['Iron', 'iron ', 'Gold'],
      },
      {
        question: 'Which of these are mammals?',
        correct: 'All of the above',
        distractors: ['Whale', 'Bat', 'Dog'],
      },
      {
        question: 'Is Paris the capital of France or not?',
        correct: 'Paris',
        distractors: ['Lyon', 'Nice', 'Lille'],
      },
      { ...GOOD[0]!, question: `  ${GOOD[0]!.question.toUpperCase()}  ` }, // duplicate of an accepted one
      { question: 'Which gas?', correct: 42, distractors: ['a', 'b', 'c'] },
    ];
    const { source } = await setup({ steps: streamElements([GOOD[0]!, ...bad, GOOD[1]!] as never) });
    const { events } = await collect(source.generate({ topic: 'x', count: 4 }));
    const reasons = events.flatMap((e) => (e.type === 'rejected' ? [e.reason] : []));
    expect(reasons).toEqual([
      'expected 3 distractors, got 2',
      'options not distinct',
      'catch-all option',
      'answer appears in question',
      'duplicate question',
      'correct is not a string',
    ]);
    expect(done(events)).toMatchObject({ fromModel: 2, fromBank: 2, rejected: 6, reason: 'invalid_output' });
  });

  it('reads JSON wrapped in a ```json fence', async () => {
    const { source } = await setup({
      steps: streamElements(GOOD.slice(0, 3), {
        prefix: 'Sure! Here you go:\n```json\n',
        suffix: '\n```\nEnjoy!',
      }),
    });
    const { events } = await collect(source.generate({ topic: 'x', count: 3 }));
    expect(done(events)).toEqual({ type: 'done', fromModel: 3, fromBank: 0, rejected: 0 });
  });

  it('reads a bare array and skips a <think> block', async () => {
    const body = JSON.stringify(GOOD.slice(0, 2));
    const { source } = await setup({
      steps: [
        { content: '<think>maybe {"elements": []}? </th' },
        { content: 'ink>\n' },
        { content: body.slice(0, 40) },
        { content: body.slice(40) },
      ],
    });
    const { events } = await collect(source.generate({ topic: 'x', count: 2 }));
    expect(done(events)).toEqual({ type: 'done', fromModel: 2, fromBank: 0, rejected: 0 });
  });

  it('stops the model call once it has enough questions', async () => {
    const { source } = await setup({ steps: streamElements(GOOD, { gapMs: 100 }) });
    const { events } = await collect(source.generate({ topic: 'x', count: 2 }));
    expect(done(events)).toEqual({ type: 'done', fromModel: 2, fromBank: 0, rejected: 0 });
    await vi.waitFor(() => expect(fake!.clientAborts).toBe(1));
  });

  it('drops questions the room already has', async () => {
    const { source } = await setup({ steps: streamElements(GOOD.slice(0, 3)) });
    const history = [`${GOOD[1]!.question.toLowerCase()}!!`, 'Bank question number 0?'];
    const { events } = await collect(source.generate({ topic: 'x', count: 3 }, { history }));
    expect(done(events)).toMatchObject({ fromModel: 2, fromBank: 1, rejected: 1 });
    const prompts = questions(events).map((q) => q.question.prompt);
    expect(prompts).not.toContain('Bank question number 0?');
    expect(new Set(prompts).size).toBe(3);
  });

  it('ends at once, without the bank, when the caller aborts', async () => {
    const { source } = await setup({ steps: streamElements(GOOD, { gapMs: 1_000 }) });
    const controller = new AbortController();
    const seen: GenerationEvent[] = [];
    let abortedAt = 0;
    for await (const e of source.generate({ topic: 'x', count: 5 }, { signal: controller.signal })) {
      seen.push(e);
      if (e.type === 'question' && !abortedAt) {
        abortedAt = performance.now();
        controller.abort();
      }
    }
    // The next element was still ≥ 1 s away: ending well before it shows the abort acted.
    expect(performance.now() - abortedAt).toBeLessThan(600);
    expect(done(seen)).toEqual({ type: 'done', fromModel: 1, fromBank: 0, rejected: 0 });
    await vi.waitFor(() => expect(fake!.clientAborts).toBe(1));
  });

  it('serves the bank at once when no endpoint is configured', async () => {
    const bank = fakeBank();
    const source = createQuestionSource(DEFAULT_GENERATION_CONFIG, { bank, logger: silent });
    const { events } = await collect(source.generate({ topic: 'x', count: 3, difficulty: 'easy' }));
    expect(done(events)).toEqual({
      type: 'done',
      fromModel: 0,
      fromBank: 3,
      rejected: 0,
      reason: 'no_model',
    });
    for (const q of questions(events)) expect(questionSchema.safeParse(q.question).success).toBe(true);
  });

  it('refuses an endpoint without a model name', () => {
    expect(() =>
      createQuestionSource(
        { ...DEFAULT_GENERATION_CONFIG, baseUrl: 'http://x/v1' },
        { bank: fakeBank(), logger: silent },
      ),
    ).toThrow(/LLM_MODEL/);
  });

  it('measures the overhead from the first element bytes to the first question event', async () => {
    // A steady token stream, like a real model: 12 pieces per element, 8 ms apart.
    const { source } = await setup({
      steps: streamElements(GOOD.slice(0, 3), { tokenMs: 8, gapMs: 8, parts: 12 }),
    });
    const { times } = await collect(source.generate({ topic: 'x', count: 3 }));
    const fromEnd = times[0]! - fake!.marks.get('element-0-end')!;
    // The SDK's element stream releases an element when the next one starts (one token later).
    const fromNextStart = times[0]! - (fake!.marks.get('element-0-end')! + 8);
    console.log(
      `[generation overhead] first element complete → question event: ${fromEnd.toFixed(1)} ms ` +
        `(of which ~8 ms is the wait for the next token; processing ≈ ${Math.max(0, fromNextStart).toFixed(1)} ms)`,
    );
    expect(fromEnd).toBeLessThan(250);
  });
});
