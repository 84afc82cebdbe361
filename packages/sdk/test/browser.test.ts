import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { QuizServer } from '@quizwire/reference-server';
import { build } from 'esbuild';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QuizClient } from '../src/types.js';
import { makeQuiz, sdkClient, startTestServer, until } from './helpers/server.js';

const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available) {
  if (process.env.CI)
    throw new Error(`${CHROMIUM} is missing: CI must run the SDK browser test (apt-get install -y chromium)`);
  console.warn(
    `\n${'!'.repeat(78)}\n!! SKIPPING the SDK browser test: ${CHROMIUM} is missing (apt-get install -y chromium)\n${'!'.repeat(78)}\n`,
  );
}

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** The SDK as a browser gets it: one bundle, nanostores and the protocol inlined, no `ws`. */
async function bundle(): Promise<string> {
  const out = await build({
    entryPoints: [here('../src/index.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'Quizwire',
    platform: 'browser',
    target: 'es2022',
    define: { 'process.env.NODE_ENV': '"production"' },
    alias: { '@quizwire/protocol': here('../../protocol/src/index.ts') },
    logLevel: 'silent',
  });
  return out.outputFiles[0]!.text;
}

describe.skipIf(!available)('the SDK in a browser', () => {
  let server: QuizServer;
  let page: Server;
  let pageUrl: string;
  let browser: Browser;
  const clients: QuizClient[] = [];

  beforeAll(async () => {
    ({ server } = await startTestServer({ allowedOrigins: ['*'] }));
    const script = await bundle();
    expect(script).not.toMatch(/require\(["']ws["']\)/);
    // A real http origin, so the page has a sessionStorage of its own.
    page = createServer((req, res) => {
      if (req.url === '/sdk.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
      else
        res
          .writeHead(200, { 'content-type': 'text/html' })
          .end('<!doctype html><script src="/sdk.js"></script>');
    });
    await new Promise<void>((resolve) => page.listen(0, '127.0.0.1', resolve));
    pageUrl = `http://127.0.0.1:${(page.address() as AddressInfo).port}/`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
  }, 30_000);

  afterAll(async () => {
    for (const c of clients.splice(0)) c.close();
    await browser?.close();
    await new Promise((resolve) => page?.close(resolve));
    await server?.close();
  });

  it('joins with the global WebSocket, answers, and resumes the same player after a reload', async () => {
    const host = sdkClient(server.url);
    clients.push(host);
    const { code } = await host.host.create({
      mode: 'classic',
      quiz: makeQuiz(1),
      settings: { countdownMs: 0 },
    });

    const tab = await browser.newPage();
    // Count frames that arrive as binary: protocol v1 says every frame is UTF-8 text.
    await tab.addInitScript(() => {
      const w = window as unknown as { WebSocket: typeof WebSocket; binaryFrames: number };
      const Native = w.WebSocket;
      w.binaryFrames = 0;
      w.WebSocket = class extends Native {
        constructor(url: string | URL, protocols?: string | string[]) {
          super(url, protocols);
          this.addEventListener('message', (e) => {
            if (typeof e.data !== 'string') w.binaryFrames++;
          });
        }
      };
    });
    tab.on('pageerror', (e) => console.log('[page error]', e.message));
    await tab.goto(pageUrl);
    const joined = await tab.evaluate(
      async ({ url, code }) => {
        const w = window as unknown as { Quizwire: typeof import('../src/index.js'); client: QuizClient };
        const client = w.Quizwire.createQuizClient({ url });
        w.client = client;
        const result = await client.player.join({ code, nickname: 'Browser' });
        return { result, stored: sessionStorage.getItem('quizwire') };
      },
      { url: server.url, code },
    );
    expect(joined.result).toMatchObject({ role: 'player', nickname: 'Browser' });
    expect(JSON.parse(joined.stored!)).toMatchObject({ resumeToken: joined.result.resumeToken });
    await until(host.$session, (s) => s?.playerCount === 1, 'the browser player in the lobby');

    await host.host.start();
    const answered = await tab.evaluate(async () => {
      const { client } = window as unknown as { client: QuizClient };
      await new Promise<void>((resolve) => {
        const off = client.$question.subscribe((q) => {
          if (q) {
            queueMicrotask(() => off());
            resolve();
          }
        });
      });
      const ack = await client.player.answer([0]);
      return { ack, mine: client.$myAnswer.get(), offsetKnown: client.serverNow() > 0 };
    });
    expect(answered.ack).toMatchObject({ questionId: 'q1' });
    expect(answered.mine).toMatchObject({ status: 'accepted', choice: [0] });

    // The only player answered, so the question closed: the result and the standing say so.
    const result = await until(host.$result, (r) => r !== null, 'the result');
    expect(result?.answered).toBe(1);

    await tab.reload();
    const resumed = await tab.evaluate(async (url) => {
      const w = window as unknown as { Quizwire: typeof import('../src/index.js') };
      const client = w.Quizwire.createQuizClient({ url });
      const resumable = client.resumable;
      client.connect();
      const standing = await new Promise((resolve) => {
        const off = client.$standing.subscribe((s) => {
          if (s?.last) {
            queueMicrotask(() => off());
            resolve(s);
          }
        });
      });
      return { resumable, me: client.$session.get()?.me, phase: client.$session.get()?.phase, standing };
    }, server.url);
    expect(resumed).toMatchObject({
      resumable: true,
      me: { nickname: 'Browser' },
      phase: 'reveal',
      standing: { score: 1000, last: { answered: true, correct: true, choice: [0] } },
    });
    const binary = await tab.evaluate(() => (window as unknown as { binaryFrames: number }).binaryFrames);
    if (binary > 0) {
      console.warn(
        `[browser] the server sent ${binary} binary frames after the reload; protocol v1 wants text frames`,
      );
    }
    await tab.close();
  });
});
