import { afterEach, describe, expect, it } from 'vitest';
import { type FakeLlm, GOOD, startFakeLlm, streamElements } from './generation/fake-llm.js';
import { type Harness, joinAs, startHarness } from './helpers/client.js';

const KEY = 'sk-room-generation-secret-key-123';

describe('quiz.generate in a room', () => {
  let h: Harness;
  let fake: FakeLlm;

  afterEach(async () => {
    await h?.stop();
    await fake?.close();
  });

  async function setup(gapMs = 30) {
    fake = await startFakeLlm(() => ({ steps: streamElements(GOOD, { gapMs, tokenMs: 2 }) }));
    h = await startHarness({
      llmBaseUrl: fake.baseUrl,
      llmApiKey: KEY,
      llmModel: 'fake-model',
      llmTimeoutMs: 5000,
    });
    const host = await h.connect();
    const created = await host.ok({ type: 'session.create', mode: 'classic' });
    await host.event('session.snapshot');
    const player = await joinAs(h, created.code, 'Pia');
    return { host, player, code: created.code as string };
  }

  it('streams questions to the host one by one and loads them into the lobby', async () => {
    const { host, player } = await setup();
    const from = host.mark();
    const ack = await host.ok({ type: 'quiz.generate', id: 'gen-1', topic: 'photosynthesis', count: 5 });
    expect(ack).toEqual({ requested: 5 });
    const done = await host.waitFor((m) => m.type === 'generation.progress' && m.status !== 'running', from);
    expect(done).toMatchObject({ status: 'done', ready: 5, requested: 5, fromModel: 5, fromBank: 0 });

    const questions = host.log.slice(from).filter((m) => m.type === 'generation.question');
    expect(questions.map((m) => m.index)).toEqual([0, 1, 2, 3, 4]);
    expect(questions.every((m) => m.source === 'model')).toBe(true);
    // Progress arrived between questions: the host saw them as they passed validation.
    const firstQuestionAt = host.log.indexOf(questions[0]!);
    const lastProgressRunning = host.log.findLastIndex(
      (m) => m.type === 'generation.progress' && m.status === 'running',
    );
    expect(firstQuestionAt).toBeLessThan(lastProgressRunning);

    // Players see progress, never the generated questions (they hold the answers).
    await player.client.waitFor((m) => m.type === 'generation.progress' && m.status === 'done');
    expect(player.client.all('generation.question')).toHaveLength(0);

    // Back in the lobby with the quiz loaded: the game starts and hides the answers.
    await host.ok({ type: 'quiz.start' });
    const next = await player.client.event('question.next');
    expect(next.total).toBe(5);
    expect(JSON.stringify(next)).not.toContain('"correct"');
  });

  it('refuses quiz.start while generating and quiz.generate from a player', async () => {
    const { host, player } = await setup(200);
    await host.ok({ type: 'quiz.generate', topic: 'photosynthesis', count: 5 });
    expect((await host.fails({ type: 'quiz.start' })).code).toBe('WRONG_PHASE');
    expect((await player.client.fails({ type: 'quiz.generate', topic: 'x', count: 2 })).code).toBe(
      'NOT_ALLOWED',
    );
    await host.waitFor((m) => m.type === 'generation.progress' && m.status === 'done');
  });

  it('never shows the API key to the host or players', async () => {
    const { host, player } = await setup();
    await host.ok({ type: 'quiz.generate', topic: 'photosynthesis', count: 5 });
    await host.waitFor((m) => m.type === 'generation.progress' && m.status === 'done');
    expect(fake.requests[0]?.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(JSON.stringify(host.log)).not.toContain(KEY);
    expect(JSON.stringify(player.client.log)).not.toContain(KEY);
  });

  it('measures the overhead from the model finishing an element to the host receiving it', async () => {
    const { host } = await setup(50);
    let receivedAt = 0;
    host.ws.on('message', (data) => {
      if (!receivedAt && data.toString().includes('"generation.question"')) receivedAt = performance.now();
    });
    await host.ok({ type: 'quiz.generate', topic: 'photosynthesis', count: 5 });
    await host.waitFor((m) => m.type === 'generation.progress' && m.status === 'done');
    const sentAt = fake.marks.get('element-0-end');
    expect(sentAt).toBeGreaterThan(0);
    const overheadMs = receivedAt - sentAt!;
    console.log(`[room-generation] first element → host generation.question: ${overheadMs.toFixed(1)} ms`);
    expect(overheadMs).toBeGreaterThanOrEqual(0);
  });
});
