import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigError, defaultConfig, helpText, loadConfig, OPTIONS } from '../src/config.js';
import { TestClient } from './helpers/client.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const CLI = 'packages/reference-server/src/cli.ts';

describe('loadConfig', () => {
  it('uses the defaults when nothing is set', () => {
    expect(loadConfig({}, [])).toEqual(defaultConfig());
    expect(defaultConfig()).toMatchObject({
      port: 8787,
      host: '0.0.0.0',
      allowedOrigins: ['*'],
      llmTimeoutMs: 20_000,
    });
  });

  it('reads environment variables', () => {
    const config = loadConfig(
      {
        PORT: '9000',
        HOST: '127.0.0.1',
        ALLOWED_ORIGINS: 'https://a.example, https://b.example:8443',
        QUIZWIRE_SECRET: 'sixteen-chars-ok!',
        LOG_LEVEL: 'warn',
        LLM_STRUCTURED_OUTPUTS: 'false',
        MAX_FRAME_BYTES: '2048',
      },
      [],
    );
    expect(config).toMatchObject({
      port: 9000,
      host: '127.0.0.1',
      allowedOrigins: ['https://a.example', 'https://b.example:8443'],
      secret: 'sixteen-chars-ok!',
      logLevel: 'warn',
      llmStructuredOutputs: false,
      maxFrameBytes: 2048,
    });
  });

  it('reads flags, in both spellings, and flags win over the environment', () => {
    const config = loadConfig({ PORT: '9000', HOST: '10.0.0.1' }, [
      '--port',
      '9100',
      '--host=127.0.0.1',
      '--replay-buffer-size',
      '8',
    ]);
    expect(config).toMatchObject({ port: 9100, host: '127.0.0.1', replayBufferSize: 8 });
  });

  it('ignores empty environment variables', () => {
    expect(loadConfig({ PORT: '' }, []).port).toBe(8787);
  });

  it('names PORT when it is not a port', () => {
    expect(() => loadConfig({ PORT: 'abc' }, [])).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'abc' }, [])).toThrow(/PORT/);
    expect(() => loadConfig({ PORT: '70000' }, [])).toThrow(/PORT must be between 0 and 65535/);
    expect(() => loadConfig({ PORT: '80.5' }, [])).toThrow(/PORT/);
  });

  it('names the flag when a flag is bad', () => {
    expect(() => loadConfig({}, ['--port', 'x'])).toThrow(/--port/);
    expect(() => loadConfig({}, ['--port'])).toThrow(/--port needs a value/);
    expect(() => loadConfig({}, ['--colour', 'red'])).toThrow(/unknown option --colour/);
  });

  it('names ALLOWED_ORIGINS when an entry is not an origin', () => {
    expect(() => loadConfig({ ALLOWED_ORIGINS: 'https://ok.example,not an origin' }, [])).toThrow(
      /ALLOWED_ORIGINS/,
    );
    expect(() => loadConfig({ ALLOWED_ORIGINS: 'https://ok.example/path' }, [])).toThrow(/ALLOWED_ORIGINS/);
    expect(() => loadConfig({ ALLOWED_ORIGINS: ' , ' }, [])).toThrow(/ALLOWED_ORIGINS/);
  });

  it('names the variable for other bad values', () => {
    expect(() => loadConfig({ LOG_LEVEL: 'loud' }, [])).toThrow(/LOG_LEVEL/);
    expect(() => loadConfig({ LLM_STRUCTURED_OUTPUTS: 'maybe' }, [])).toThrow(/LLM_STRUCTURED_OUTPUTS/);
    expect(() => loadConfig({ LLM_BASE_URL: 'ftp://x' }, [])).toThrow(/LLM_BASE_URL/);
    expect(() => loadConfig({ QUIZWIRE_SECRET: 'short' }, [])).toThrow(/QUIZWIRE_SECRET/);
    expect(() => loadConfig({ MAX_FRAME_BYTES: '10' }, [])).toThrow(/MAX_FRAME_BYTES/);
  });
});

describe('helpText', () => {
  it('lists every variable and flag, and never a secret default', () => {
    const text = helpText();
    for (const o of OPTIONS) {
      expect(text).toContain(o.env);
      expect(text).toContain(o.flag);
    }
    for (const name of [
      'PORT',
      'HOST',
      'ALLOWED_ORIGINS',
      'QUIZWIRE_SECRET',
      'LLM_BASE_URL',
      'LLM_API_KEY',
      'LLM_MODEL',
      'LLM_TIMEOUT_MS',
      'DATA_DIR',
      'LOG_LEVEL',
    ]) {
      expect(text).toContain(name);
    }
    expect(text).toContain('--help');
  });
});

/** Run the CLI; collect its output and exit code. */
function runCli(
  args: string[],
  env: Record<string, string> = {},
): ChildProcess & {
  done: Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }>;
} {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => {
    stdout += d;
  });
  child.stderr!.on('data', (d) => {
    stderr += d;
  });
  const done = new Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }>(
    (resolve) => child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return Object.assign(child, { done });
}

describe('the quizwire-server CLI', () => {
  it('prints help and exits 0 with --help', async () => {
    const { code, stdout } = await runCli(['--help']).done;
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: quizwire-server/);
    expect(stdout).toContain('QUIZWIRE_SECRET');
  });

  it('exits 2 naming PORT when PORT is invalid', async () => {
    const { code, stderr } = await runCli([], { PORT: 'abc' }).done;
    expect(code).toBe(2);
    expect(stderr).toMatch(/PORT must be an integer/);
  });

  it('closes clients with 1012 and exits 0 on SIGTERM', async () => {
    const child = runCli([], { PORT: '0', HOST: '127.0.0.1' });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let seen = '';
        child.stderr!.on('data', (d) => {
          seen += d;
          const match = /WebSocket (ws:\/\/\S+)/.exec(seen);
          if (match) resolve(match[1]!);
        });
        child.once('exit', () => reject(new Error(`cli exited early: ${seen}`)));
      });
      const client = new TestClient(url);
      await client.opened;
      await client.ok({ type: 'session.create', mode: 'classic', bank: { count: 3 } });
      child.kill('SIGTERM');
      const closed = await client.closed;
      expect(closed.code).toBe(1012);
      // The room was closed for the restart first.
      expect(client.all('session.closed')).toEqual([expect.objectContaining({ reason: 'server_restart' })]);
      const { code, signal } = await child.done;
      expect({ code, signal }).toEqual({ code: 0, signal: null });
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
