import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import type { Question } from '@quizwire/protocol';
import { pino } from 'pino';
import type { BankLike } from '../../src/generation/index.js';

/** One step of a scripted chat-completion stream. */
export interface Step {
  /** Wait this long before writing. */
  delayMs?: number;
  /** Text sent as `choices[0].delta.content`. */
  content?: string;
  /** A label recorded with the write time, e.g. 'element-0-end'. */
  mark?: string;
}

export interface Script {
  /** Non-200 status: answered with `body` as JSON and no stream. */
  status?: number;
  body?: string;
  steps?: Step[];
  /** Never answer at all (no headers). */
  silent?: boolean;
  /** After the steps, keep the stream open without finishing. */
  hang?: boolean;
}

export interface RecordedRequest {
  url: string;
  headers: IncomingMessage['headers'];
  body: {
    model?: string;
    stream?: boolean;
    messages: { role: string; content: string }[];
    response_format?: { type: string; json_schema?: unknown };
    tools?: unknown;
  };
}

export interface FakeLlm {
  baseUrl: string;
  requests: RecordedRequest[];
  /** performance.now() of each labelled write. */
  marks: Map<string, number>;
  /** performance.now() of the last write of the latest stream. */
  lastWriteAt: number;
  /** Connections closed by the client before the script finished. */
  clientAborts: number;
  close(): Promise<void>;
}

/**
 * A fake OpenAI-compatible server on 127.0.0.1 that answers `POST /v1/chat/completions` with
 * chat-completion chunks (`data: {choices:[{delta:{content}}]}` … `data: [DONE]`) on the
 * script's timing.
 */
export async function startFakeLlm(script: (req: RecordedRequest) => Script): Promise<FakeLlm> {
  const fake: FakeLlm = {
    baseUrl: '',
    requests: [],
    marks: new Map(),
    lastWriteAt: 0,
    clientAborts: 0,
    close: async () => {},
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const recorded: RecordedRequest = {
        url: req.url ?? '',
        headers: req.headers,
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
      };
      fake.requests.push(recorded);
      const s = script(recorded);
      if (s.silent) return;
      if (s.status && s.status !== 200) {
        res.writeHead(s.status, { 'Content-Type': 'application/json' });
        res.end(s.body ?? '{"error":{"message":"failed"}}');
        return;
      }
      let closed = false;
      res.on('close', () => {
        if (!res.writableFinished) {
          closed = true;
          fake.clientAborts++;
        }
      });
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
      res.socket?.setNoDelay(true);
      const send = (delta: object, finish: string | null = null) =>
        res.write(
          `data: ${JSON.stringify({
            id: 'chatcmpl-fake',
            object: 'chat.completion.chunk',
            created: 1,
            model: 'fake',
            choices: [{ index: 0, delta, finish_reason: finish }],
          })}\n\n`,
        );
      send({ role: 'assistant', content: '' });
      for (const step of s.steps ?? []) {
        if (step.delayMs) await sleep(step.delayMs);
        if (closed) return;
        if (step.content !== undefined) send({ content: step.content });
        fake.lastWriteAt = performance.now();
        if (step.mark) fake.marks.set(step.mark, fake.lastWriteAt);
      }
      if (s.hang || closed) return;
      send({}, 'stop');
      res.write('data: [DONE]\n\n');
      fake.lastWriteAt = performance.now();
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  fake.baseUrl = `http://127.0.0.1:${port}/v1`;
  fake.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return fake;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A model element as the fake model writes it. */
export interface El {
  question: string;
  correct: string;
  distractors: string[];
  page?: number;
  quote?: string;
}

export const GOOD: El[] = [
  {
    question: 'Which gas do plants absorb for photosynthesis?',
    correct: 'Carbon dioxide',
    distractors: ['Oxygen', 'Nitrogen', 'Helium'],
  },
  {
    question: 'Which pigment makes leaves green?',
    correct: 'Chlorophyll',
    distractors: ['Carotene', 'Melanin', 'Hemoglobin'],
  },
  {
    question: 'In which organelle does photosynthesis happen?',
    correct: 'Chloroplast',
    distractors: ['Mitochondrion', 'Nucleus', 'Ribosome'],
  },
  {
    question: 'What sugar does photosynthesis produce?',
    correct: 'Glucose',
    distractors: ['Sucrose', 'Lactose', 'Fructose'],
  },
  {
    question: 'Which gas is released by photosynthesis?',
    correct: 'Oxygen',
    distractors: ['Methane', 'Argon', 'Neon'],
  },
];

/**
 * Steps that stream `{"elements":[…]}` element by element: each element in `parts` pieces,
 * `gapMs` between elements, `tokenMs` between pieces; marks `element-<n>-end` on the piece that
 * completes element n.
 */
export function streamElements(
  elements: El[],
  opts: { gapMs?: number; tokenMs?: number; parts?: number; prefix?: string; suffix?: string } = {},
): Step[] {
  const { gapMs = 0, tokenMs = 0, parts = 3 } = opts;
  const steps: Step[] = [{ content: `${opts.prefix ?? ''}{"elements":[` }];
  elements.forEach((el, n) => {
    const text = (n > 0 ? ',' : '') + JSON.stringify(el);
    const size = Math.ceil(text.length / parts);
    for (let i = 0; i < text.length; i += size) {
      const last = i + size >= text.length;
      steps.push({
        content: text.slice(i, i + size),
        delayMs: i === 0 ? gapMs : tokenMs,
        ...(last ? { mark: `element-${n}-end` } : {}),
      });
    }
  });
  steps.push({ content: `]}${opts.suffix ?? ''}`, delayMs: tokenMs, mark: 'end' });
  return steps;
}

/** A bank with `n` distinct single-choice questions. */
export function fakeBank(n = 60): BankLike & { calls: number } {
  const questions: Question[] = Array.from({ length: n }, (_, i) => ({
    id: `bank-${i}`,
    kind: 'single',
    prompt: `Bank question number ${i}?`,
    options: [`Right ${i}`, `Wrong A${i}`, `Wrong B${i}`, `Wrong C${i}`],
    correct: [0],
    difficulty: 'medium',
  }));
  const bank = {
    calls: 0,
    pick(opts: { count: number; exclude?: ReadonlySet<string> }) {
      bank.calls++;
      return questions
        .filter((q) => !opts.exclude?.has(q.prompt) && !opts.exclude?.has(q.id!))
        .slice(0, opts.count);
    },
  };
  return bank;
}

/** A pino logger writing JSON lines into `lines` (for secret checks). */
export function captureLogger(level = 'debug') {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { logger: pino({ level }, stream), lines };
}

/** Collect every event of a generation with its arrival time. */
export async function collect<T>(iterable: AsyncIterable<T>): Promise<{ events: T[]; times: number[] }> {
  const events: T[] = [];
  const times: number[] = [];
  for await (const e of iterable) {
    events.push(e);
    times.push(performance.now());
  }
  return { events, times };
}
