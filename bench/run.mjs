#!/usr/bin/env node
/**
 * Quizwire benchmark orchestrator: `npm run bench` (full) or `node bench/run.mjs --smoke`.
 *
 * For every N, scenario and server it starts the server in its own process and the load
 * generator in another (both with the open-file limit raised), relays the generator's probe
 * requests to the server, and collects the results into bench/results/<stamp>.json and .md.
 * The servers of one N and scenario run back to back so they share the machine's conditions.
 *
 * Options: --smoke | --servers floor,socketio,quizwire | --n 1000,5000,10000
 *          --scenarios single,many | --questions 20 | --out DIR | --quiet
 *          --cpu-prof  (write a V8 CPU profile of each server process to DIR/prof/)
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { fdLimitOf, rpcClient, rpcServe, rssOf, spawnNode, stopChild, waitForMessage } from './lib/proc.mjs';
import { round, summary } from './lib/stats.mjs';
import { markdown, summariseRun } from './lib/summarise.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const { values: args } = parseArgs({
  options: {
    smoke: { type: 'boolean', default: false },
    servers: { type: 'string' },
    n: { type: 'string' },
    scenarios: { type: 'string' },
    questions: { type: 'string' },
    out: { type: 'string' },
    quiet: { type: 'boolean', default: false },
    'cpu-prof': { type: 'boolean', default: false },
  },
});

const smoke = args.smoke;
const config = {
  smoke,
  servers: (args.servers ?? 'floor,socketio,quizwire').split(','),
  ns: (args.n ?? (smoke ? '200' : '1000,5000,10000')).split(',').map(Number),
  scenarios: (args.scenarios ?? 'single,many').split(','),
  questions: Number(args.questions ?? (smoke ? 3 : 20)),
  answerWindowMs: smoke ? 200 : 2000,
  stormSize: smoke ? 50 : 1000,
  manyRooms: { perRoom: 20, questions: smoke ? 2 : 10, answerWindowMs: smoke ? 200 : 1000 },
};
const outDir = args.out ?? join(here, 'results');
const say = (line) => {
  if (!args.quiet) process.stderr.write(`${line}\n`);
};

const SERVER_SCRIPTS = {
  floor: join(here, 'servers/floor.mjs'),
  socketio: join(here, 'servers/socketio.mjs'),
  quizwire: join(here, 'servers/quizwire.mjs'),
};
/** Server config for a 10,000-player room from one host address; nothing else is changed. */
const QUIZWIRE_CONFIG = {
  maxConnections: 20_000,
};

async function runOne(server, n, scenario) {
  const profile = args['cpu-prof']
    ? [
        '--cpu-prof',
        `--cpu-prof-dir=${join(outDir, 'prof')}`,
        `--cpu-prof-name=${server}-${n}-${scenario}-${Date.now()}.cpuprofile`,
      ]
    : [];
  const serverChild = spawnNode(SERVER_SCRIPTS[server], [], {
    execArgv: ['--expose-gc', ...profile],
    env: { QW_BENCH_CONFIG: JSON.stringify(QUIZWIRE_CONFIG) },
  });
  /** @type {import('node:child_process').ChildProcess | null} */
  let load = null;
  try {
    const ready = await waitForMessage(serverChild, 'ready', 60_000);
    const pid = ready.pid;
    const needed = n + Math.ceil(n / 20) + 1200;
    const limit = fdLimitOf(pid);
    if (limit < needed) throw new Error(`server open-file limit ${limit} < ${needed}: raise ulimit -n`);
    const srv = rpcClient(serverChild);
    await srv.call('gc');
    await new Promise((r) => setTimeout(r, 300));
    const rssBefore = rssOf(pid);
    await srv.call('broadcasts');

    const spec = {
      server,
      scenario,
      framing: server === 'socketio' ? 'eio' : 'ws',
      url: ready.url,
      n,
      verbose: !args.quiet,
      ...(scenario === 'single'
        ? { questions: config.questions, answerWindowMs: config.answerWindowMs, stormSize: config.stormSize }
        : {
            rooms: Math.max(1, Math.round(n / config.manyRooms.perRoom)),
            perRoom: config.manyRooms.perRoom,
            questions: config.manyRooms.questions,
            answerWindowMs: config.manyRooms.answerWindowMs,
          }),
    };
    load = spawnNode(join(here, 'load/worker.mjs'), [JSON.stringify(spec)]);
    rpcServe(load, {
      mark: () => srv.call('mark'),
      memory: async ({ players }) => {
        await srv.call('gc');
        await new Promise((r) => setTimeout(r, 300));
        const rssAfter = rssOf(pid);
        return {
          rssBeforeMB: round(rssBefore / 2 ** 20),
          rssAfterMB: round(rssAfter / 2 ** 20),
          perPlayerKB: round((rssAfter - rssBefore) / players / 1024),
          totalPerPlayerKB: round(rssAfter / players / 1024),
        };
      },
    });
    const budgetMs = (smoke ? 60_000 : 120_000) + n * (scenario === 'single' ? 80 : 40);
    const { result } = await waitForMessage(load, 'result', budgetMs);
    const records = await srv.call('broadcasts');
    const qn = records.filter((r) => r.type === 'question.next').map((r) => r.ms);
    const syncSendMs = qn.length ? summary(qn) : null;
    const metricBroadcast = ready.httpUrl ? await readBroadcastMetric(ready.httpUrl) : null;
    srv.close();
    return { result, syncSendMs, metricBroadcast };
  } finally {
    if (load) await stopChild(load);
    await stopChild(serverChild);
  }
}

/** Quizwire's own broadcast histogram from GET /metrics, if the server exports it. */
async function readBroadcastMetric(httpUrl) {
  try {
    const res = await fetch(new URL('/metrics', httpUrl), { signal: AbortSignal.timeout(5000) });
    if (!res.ok) return null;
    const text = await res.text();
    const rows = text.split('\n').filter((l) => l.startsWith('quizwire_broadcast_seconds_'));
    const pick = (suffix) => rows.filter((l) => l.startsWith(`quizwire_broadcast_seconds_${suffix}`));
    const sum = pick('sum').reduce((s, l) => s + Number(l.split(' ').pop()), 0);
    const count = pick('count').reduce((s, l) => s + Number(l.split(' ').pop()), 0);
    if (!count) return null;
    return {
      count,
      meanMs: round((sum / count) * 1000, 2),
      series: rows.filter((l) => !l.includes('_bucket')),
    };
  } catch {
    return null;
  }
}

/** Which server build was measured: commit, dirty tree, and when dist was built. */
function build() {
  const git = (...a) => {
    try {
      return execFileSync('git', a, { cwd: join(here, '..'), encoding: 'utf8' }).trim();
    } catch {
      return null;
    }
  };
  let distBuiltAt = null;
  try {
    distBuiltAt = statSync(join(here, '../packages/reference-server/dist/index.js')).mtime.toISOString();
  } catch {}
  return {
    commit: git('rev-parse', '--short', 'HEAD'),
    dirty: Boolean(git('status', '--porcelain', '--', 'packages')),
    distBuiltAt,
  };
}

function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGB: round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    loadAvgAtStart: os.loadavg().map((x) => round(x, 2)),
  };
}

async function main() {
  const started = new Date();
  const report = {
    startedAt: started.toISOString(),
    machine: machine(),
    build: build(),
    config,
    results: [],
    failures: [],
  };
  say(
    `quizwire bench ${smoke ? '(smoke) ' : ''}— servers ${config.servers.join(', ')}; N ${config.ns.join(', ')}`,
  );
  mkdirSync(outDir, { recursive: true });
  const stamp = started.toISOString().replace(/[:.]/g, '-');
  const base = join(outDir, `${smoke ? 'smoke-' : ''}${stamp}`);
  for (const n of config.ns) {
    for (const server of config.servers) {
      const entry = { server, n, loadAvg: os.loadavg().map((x) => round(x, 2)), raw: {}, summary: null };
      for (const scenario of config.scenarios) {
        const t = Date.now();
        say(`  ${server} N=${n} ${scenario} …`);
        try {
          entry.raw[scenario] = await runOne(server, n, scenario);
          say(`  ${server} N=${n} ${scenario} done in ${round((Date.now() - t) / 1000)} s`);
        } catch (err) {
          const error = String(err?.message ?? err);
          report.failures.push({ server, n, scenario, error });
          say(`  ${server} N=${n} ${scenario} FAILED: ${error}`);
        }
      }
      const single = entry.raw.single;
      entry.summary = summariseRun(single?.result, entry.raw.many?.result, {
        syncSendMs: single?.syncSendMs,
        metricBroadcast: single?.metricBroadcast,
      });
      report.results.push(entry);
      writeFileSync(`${base}.partial.json`, JSON.stringify(report, null, 2));
    }
  }
  report.finishedAt = new Date().toISOString();
  report.machine.loadAvgAtEnd = os.loadavg().map((x) => round(x, 2));
  const table = markdown(report);
  writeFileSync(`${base}.json`, JSON.stringify(report, null, 2));
  rmSync(`${base}.partial.json`, { force: true });
  writeFileSync(`${base}.md`, `${describeMachine(report)}\n\n${table}\n`);
  process.stdout.write(`${table}\n`);
  say(
    `results: ${base}.json, ${base}.md${report.failures.length ? ` — ${report.failures.length} failure(s)` : ''}`,
  );
  return report.failures.length ? 1 : 0;
}

function describeMachine(report) {
  const m = report.machine;
  return (
    `Run ${report.startedAt} → ${report.finishedAt}: ${m.cores} × ${m.cpu}, ${m.memoryGB} GB, ${m.os}, ` +
    `Node ${m.node}; load average ${m.loadAvgAtStart.join(' / ')} at start, ${m.loadAvgAtEnd.join(' / ')} at end. ` +
    `Server build: commit ${report.build.commit}${report.build.dirty ? ' + uncommitted changes' : ''}, dist built ${report.build.distBuiltAt}.`
  );
}

process.exitCode = await main();
