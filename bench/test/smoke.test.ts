import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// The smoke run starts the real server from its build (`npm run build` first, as `npm test`
// does); it checks that the harness produces complete results, never how fast anything is.
const runScript = fileURLToPath(new URL('../run.mjs', import.meta.url));
const outDir = mkdtempSync(join(tmpdir(), 'quizwire-bench-'));

function runSmoke(): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [runScript, '--smoke', '--quiet', '--out', outDir],
      { timeout: 170_000, maxBuffer: 8 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('bench smoke run', () => {
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('produces a complete result for every server and scenario', { timeout: 180_000 }, async () => {
    const { code, stdout, stderr } = await runSmoke();
    expect(stderr + stdout).not.toMatch(/FAILED/);
    expect(code).toBe(0);

    const json = readdirSync(outDir).find((f) => f.endsWith('.json'));
    expect(json).toBeDefined();
    const report = JSON.parse(readFileSync(join(outDir, json!), 'utf8'));
    expect(report.failures).toEqual([]);
    expect(report.machine.cores).toBeGreaterThan(0);
    expect(report.results.map((r: { server: string }) => r.server).sort()).toEqual([
      'floor',
      'quizwire',
      'socketio',
    ]);

    for (const { server, n, summary } of report.results) {
      const where = `${server} N=${n}`;
      expect(summary.join.joined, where).toBe(n);
      expect(summary.fanOut.complete, where).toBe(true);
      expect(summary.fanOut.questions, where).toBe(report.config.questions);
      for (const k of ['p50', 'p99', 'max'] as const)
        expect(summary.fanOut.lastMs[k], where).toBeGreaterThan(0);
      expect(summary.fanOut.loopMs, where).toBeGreaterThanOrEqual(0);
      expect(summary.ingest.answers, where).toBe(n * report.config.questions);
      expect(summary.ingest.allAckedOnce, where).toBe(true);
      expect(summary.ingest.resultCountsRight, where).toBe(true);
      expect(summary.memory.rssAfterMB, where).toBeGreaterThan(0);
      expect(summary.storm.resumed, where).toBe(summary.storm.dropped);
      expect(summary.storm.lost, where).toBe(0);
      expect(summary.storm.doubled, where).toBe(0);
      expect(summary.manyRooms.failedRooms, where).toBe(0);
      expect(summary.manyRooms.fanOutMs.n, where).toBe(
        summary.manyRooms.rooms * report.config.manyRooms.questions,
      );
    }

    const md = readdirSync(outDir).find((f) => f.endsWith('.md'));
    const table = readFileSync(join(outDir, md!), 'utf8');
    expect(table).toContain('Quizwire / floor');
    expect(table).toContain('Quizwire / Socket.IO');
  });
});
