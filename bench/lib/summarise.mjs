/**
 * Turns raw scenario results into the rows of the report: one record per (server, N) with
 * fan-out, ingest, memory, reconnect-storm and many-rooms figures.
 */
import { median, percentile, round, summary } from './stats.mjs';

/** @param {any} single  single-room result (or undefined) @param {any} many  many-rooms result */
export function summariseRun(single, many, extra = {}) {
  const out = {};
  if (single) {
    const qs = single.perQuestion;
    const ing = qs.map((q) => q.ingest);
    const n = single.join.joined;
    const loop = median(qs.map((q) => q.loopMs));
    const cpu = median(qs.map((q) => q.cpuMs));
    out.join = single.join;
    out.fanOut = {
      questions: qs.length,
      complete: qs.every((q) => q.received === n && !q.timedOut),
      lastMs: summary(qs.map((q) => q.lastMs)),
      clientP50Ms: round(median(qs.map((q) => q.clientP50Ms))),
      lastSinceOpensAtMs: summary(qs.map((q) => q.lastSinceOpensAtMs)),
      hostAckMs: round(median(qs.map((q) => q.hostAckMs))),
      frameBytes: qs[0]?.frameBytes ?? null,
      loopMs: round(loop),
      loopMsMax: round(Math.max(...qs.map((q) => q.loopMs))),
      loopUsPerSocket: round((loop / n) * 1000, 2),
      cpuMs: round(cpu),
      cpuUsPerSocket: round((cpu / n) * 1000, 2),
      syncSendMs: extra.syncSendMs ?? null,
      metricBroadcast: extra.metricBroadcast ?? null,
    };
    const lastAck = ing.map((i) => i.lastAnswerToLastAckMs).filter((x) => x !== null);
    const stale = ing.map((i) => i.histogramStaleMaxMs);
    out.ingest = {
      questions: ing.length,
      answers: ing.reduce((s, i) => s + i.answersSent, 0),
      acked: ing.reduce((s, i) => s + i.acked, 0),
      allAckedOnce: ing.every(
        (i) => i.acked === n && i.duplicateReplies === 0 && Object.keys(i.errorReplies).length === 0,
      ),
      duplicateReplies: ing.reduce((s, i) => s + i.duplicateReplies, 0),
      errorReplies: mergeCounts(ing.map((i) => i.errorReplies)),
      resultCountsRight: ing.every((i) => i.resultAnswered === n),
      lastAnswerToLastAckMs: { p50: round(median(lastAck)), max: round(Math.max(...lastAck)) },
      ackLatencyP99Ms: round(
        percentile(
          ing.map((i) => i.ackLatencyMs.p99),
          50,
        ),
      ),
      histogramStaleMaxMs: stale.some((s) => s === null) ? null : round(Math.max(...stale)),
      histogramStaleMedianQuestionMs: stale.some((s) => s === null) ? null : round(median(stale)),
      histogramsPerQuestion: round(median(ing.map((i) => i.histograms))),
    };
    out.memory = single.memory;
    out.storm = single.storm;
    out.loadProcessCpuCores = single.loadProcess?.cpuCores ?? null;
  }
  if (many) out.manyRooms = many;
  return out;
}

function mergeCounts(list) {
  const m = {};
  for (const o of list) for (const [k, v] of Object.entries(o)) m[k] = (m[k] ?? 0) + v;
  return m;
}

const SERVER_NAMES = { floor: 'floor (raw ws)', socketio: 'Socket.IO 4', quizwire: 'Quizwire' };

/** Markdown tables, one per N: rows are metrics, columns the servers plus the two ratios. */
export function markdown(report) {
  const lines = [];
  const servers = report.config.servers;
  for (const n of report.config.ns) {
    const cell = (s) => report.results.find((r) => r.server === s && r.n === n)?.summary ?? {};
    const rows = [
      ['join: all players joined in (s)', (x) => (x.join ? x.join.totalMs / 1000 : undefined), true],
      ['fan-out min (ms)', (x) => x.fanOut?.lastMs.min, true],
      ['fan-out p50 (ms)', (x) => x.fanOut?.lastMs.p50, true],
      ['fan-out p99 (ms)', (x) => x.fanOut?.lastMs.p99, true],
      ['fan-out max (ms)', (x) => x.fanOut?.lastMs.max, true],
      ['median client receipt (ms)', (x) => x.fanOut?.clientP50Ms, true],
      ['server event-loop busy per broadcast, wall (ms)', (x) => x.fanOut?.loopMs, true],
      ['server CPU per broadcast (ms)', (x) => x.fanOut?.cpuMs, true],
      ['… CPU per socket (µs)', (x) => x.fanOut?.cpuUsPerSocket, true],
      ['question.next frame (bytes)', (x) => x.fanOut?.frameBytes, false],
      [
        'ingest: all acked exactly once',
        (x) => yesNo(x.ingest?.allAckedOnce && x.ingest?.resultCountsRight),
        false,
      ],
      ['ingest: last answer → last ack p50 (ms)', (x) => x.ingest?.lastAnswerToLastAckMs.p50, true],
      ['ingest: last answer → last ack max (ms)', (x) => x.ingest?.lastAnswerToLastAckMs.max, true],
      [
        'ingest: histogram staleness, median question (ms)',
        (x) => x.ingest?.histogramStaleMedianQuestionMs,
        true,
      ],
      ['ingest: histogram staleness, worst question (ms)', (x) => x.ingest?.histogramStaleMaxMs, true],
      ['memory: server RSS after join (MB)', (x) => x.memory?.rssAfterMB, true],
      ['memory: RSS per player (KB)', (x) => x.memory?.perPlayerKB, true],
      ['storm: players dropped', (x) => x.storm?.dropped, false],
      ['storm: reconnected (TCP + upgrade) p99 (ms)', (x) => x.storm?.reconnectMs.p99, true],
      ['storm: resynced p50 (ms)', (x) => x.storm?.resyncMs.p50, true],
      ['storm: resynced p99 (ms)', (x) => x.storm?.resyncMs.p99, true],
      [
        'storm: lost / doubled answers',
        (x) => (x.storm ? `${x.storm.lost} / ${x.storm.doubled}` : undefined),
        false,
      ],
      [
        'many rooms: rooms × players',
        (x) => (x.manyRooms ? `${x.manyRooms.rooms} × ${x.manyRooms.perRoom}` : undefined),
        false,
      ],
      ['many rooms: fan-out p50 (ms)', (x) => x.manyRooms?.fanOutMs.p50, true],
      ['many rooms: fan-out p99 (ms)', (x) => x.manyRooms?.fanOutMs.p99, true],
      ['many rooms: server CPU (cores)', (x) => x.manyRooms?.serverCpuCores, true],
      ['load generator CPU, single room (cores)', (x) => x.loadProcessCpuCores, false],
    ];
    const hasQ = servers.includes('quizwire');
    const head = ['N = ' + n.toLocaleString('en-US'), ...servers.map((s) => SERVER_NAMES[s] ?? s)];
    if (hasQ && servers.includes('floor')) head.push('Quizwire / floor');
    if (hasQ && servers.includes('socketio')) head.push('Quizwire / Socket.IO');
    lines.push(`| ${head.join(' | ')} |`, `|${head.map((_, i) => (i ? '---:' : '---')).join('|')}|`);
    for (const [label, get, ratio] of rows) {
      const vals = servers.map((s) => get(cell(s)));
      if (vals.every((v) => v === undefined || v === null)) continue;
      const row = [label, ...vals.map(fmt)];
      const q = get(cell('quizwire'));
      if (hasQ && servers.includes('floor')) row.push(ratio ? ratioOf(q, get(cell('floor'))) : '');
      if (hasQ && servers.includes('socketio')) row.push(ratio ? ratioOf(q, get(cell('socketio'))) : '');
      lines.push(`| ${row.join(' | ')} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

const yesNo = (v) => (v === undefined ? undefined : v ? 'yes' : 'NO');
const fmt = (v) =>
  v === undefined || v === null ? '—' : typeof v === 'number' ? String(round(v)) : String(v);
const ratioOf = (a, b) =>
  typeof a === 'number' && typeof b === 'number' && b > 0 ? `${(a / b).toFixed(2)}×` : '—';
