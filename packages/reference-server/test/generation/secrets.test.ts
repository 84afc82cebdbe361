import { afterEach, describe, expect, it } from 'vitest';
import { createQuestionSource, DEFAULT_GENERATION_CONFIG } from '../../src/generation/index.js';
import { generationLogger } from '../../src/generation/redact.js';
import {
  captureLogger,
  collect,
  type FakeLlm,
  fakeBank,
  GOOD,
  startFakeLlm,
  streamElements,
} from './fake-llm.js';
import { openSse, startApi } from './sse-client.js';

const KEY = 'sk-test-SECRET-0123456789abcdef';
const echo = (status: number) => ({
  status,
  body: JSON.stringify({
    error: { message: `Incorrect API key provided: ${KEY}. Bearer ${KEY}`, type: 'invalid_request_error' },
  }),
});

let fake: FakeLlm | undefined;
let closeApi: (() => Promise<void>) | undefined;
afterEach(async () => {
  await fake?.close();
  await closeApi?.();
  fake = undefined;
  closeApi = undefined;
});

describe('the API key', () => {
  it.each([401, 500])(
    'is sent to the provider but never appears in events or logs (HTTP %i echoing it)',
    async (status) => {
      fake = await startFakeLlm(() => echo(status));
      const { logger, lines } = captureLogger('trace');
      const source = createQuestionSource(
        { ...DEFAULT_GENERATION_CONFIG, baseUrl: fake.baseUrl, model: 'm', apiKey: KEY },
        { bank: fakeBank(), logger },
      );
      const { events } = await collect(source.generate({ topic: 'x', count: 2 }));
      expect(fake.requests[0]!.headers.authorization).toBe(`Bearer ${KEY}`);
      expect(events.at(-1)).toMatchObject({ reason: 'http_error' });
      expect(JSON.stringify(events)).not.toContain(KEY);
      const log = lines.join('');
      expect(log).toContain('model call failed');
      expect(log).toContain('[redacted]'); // the echoed key was there, and was blanked
      expect(log).not.toContain(KEY);
    },
  );

  it('never reaches the SSE bytes, on success or failure', async () => {
    let n = 0;
    fake = await startFakeLlm(() => (n++ === 0 ? { steps: streamElements(GOOD.slice(0, 2)) } : echo(500)));
    const { logger, lines } = captureLogger('trace');
    const source = createQuestionSource(
      { ...DEFAULT_GENERATION_CONFIG, baseUrl: fake.baseUrl, model: 'm', apiKey: KEY },
      { bank: fakeBank(), logger },
    );
    const api = await startApi({ source, logger, heartbeatMs: 20 });
    closeApi = api.close;
    for (let i = 0; i < 2; i++) {
      const client = await openSse(`${api.url}/api/generate`, {
        body: JSON.stringify({ topic: 'plants', count: 2 }),
      });
      await client.ended;
      expect(client.events.at(-1)!.event).toBe('done');
      expect(client.raw).not.toContain(KEY);
      expect(client.raw).not.toContain('SECRET');
    }
    expect(lines.join('')).not.toContain(KEY);
  });

  it('is redacted by the generation logger wherever a field carries it', () => {
    const { logger, lines } = captureLogger();
    generationLogger(logger).info(
      {
        apiKey: KEY,
        config: { apiKey: KEY },
        headers: { authorization: `Bearer ${KEY}` },
        authorization: KEY,
      },
      'careless line',
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('careless line');
    expect(lines[0]).not.toContain(KEY);
  });
});
