#!/usr/bin/env node
/**
 * Summarise a V8 CPU profile (from `node bench/run.mjs --cpu-prof`): the functions with the
 * most self time, and the server's own functions with the most total (inclusive) time.
 * Usage: node bench/profile-top.mjs FILE.cpuprofile [rows]
 */
import { readFileSync } from 'node:fs';

const [file, rowsArg] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: node bench/profile-top.mjs FILE.cpuprofile [rows]\n');
  process.exit(2);
}
const rows = Number(rowsArg ?? 25);
const profile = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const dt = new Map();
for (let i = 0; i < profile.samples.length; i++) {
  const id = profile.samples[i];
  dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
}
const totalUs = [...dt.values()].reduce((a, b) => a + b, 0);
const label = (n) => {
  const f = n.callFrame;
  const where = f.url ? `${f.url.replace(/^.*\/(packages|node_modules)\//, '$1/')}:${f.lineNumber + 1}` : '';
  return `${f.functionName || '(anonymous)'} ${where}`.trim();
};

// self time per function
const self = new Map();
for (const [id, us] of dt) {
  const key = label(byId.get(id));
  self.set(key, (self.get(key) ?? 0) + us);
}
// inclusive time per function (counted once per stack)
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const incl = new Map();
for (const [id, us] of dt) {
  const seen = new Set();
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
    const key = label(byId.get(cur));
    if (seen.has(key)) continue;
    seen.add(key);
    incl.set(key, (incl.get(key) ?? 0) + us);
  }
}
const pct = (us) =>
  `${((us / totalUs) * 100).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(7)} ms`;
const print = (title, map, filter = () => true) => {
  process.stdout.write(`\n${title}\n`);
  for (const [k, us] of [...map]
    .filter(([k]) => filter(k))
    .sort((a, b) => b[1] - a[1])
    .slice(0, rows)) {
    process.stdout.write(`${pct(us)}  ${k}\n`);
  }
};
process.stdout.write(`profile ${file}: ${(totalUs / 1e6).toFixed(1)} s sampled\n`);
print('self time', self);
print('inclusive time, server code', incl, (k) => k.includes('reference-server') || k.includes('protocol'));
