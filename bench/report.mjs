#!/usr/bin/env node
/**
 * Re-render the Markdown tables of a result file: `node bench/report.mjs bench/results/X.json`.
 * Summaries are recomputed from the raw results, so a newer summariser applies to old runs.
 */
import { readFileSync } from 'node:fs';
import { markdown, summariseRun } from './lib/summarise.mjs';

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: node bench/report.mjs RESULT.json\n');
  process.exit(2);
}
const report = JSON.parse(readFileSync(file, 'utf8'));
for (const entry of report.results) {
  const single = entry.raw.single;
  entry.summary = summariseRun(single?.result, entry.raw.many?.result, {
    syncSendMs: single?.syncSendMs,
    metricBroadcast: single?.metricBroadcast,
  });
}
process.stdout.write(`${markdown(report)}\n`);
