#!/usr/bin/env node
// Package checks for every published workspace: publint's rules, and every target of the
// `exports` map (and `bin`) exists in the build, so build entries and exports never drift apart.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';

const PACKAGES = ['packages/protocol', 'packages/sdk', 'packages/elements', 'packages/reference-server'];
let failed = false;

function targets(value) {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(targets);
  return [];
}

for (const dir of PACKAGES) {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const problems = [];
  for (const field of ['name', 'version', 'license', 'engines', 'exports', 'type']) {
    if (!pkg[field]) problems.push(`missing "${field}"`);
  }
  for (const target of [...targets(pkg.exports), ...targets(pkg.bin ?? {})]) {
    if (target.endsWith('package.json')) continue;
    if (!existsSync(join(dir, target)))
      problems.push(`export target ${target} does not exist (is the build stale?)`);
  }
  const { messages } = await publint({ pkgDir: dir, level: 'warning', strict: false });
  for (const m of messages) problems.push(`publint ${m.type}: ${formatMessage(m, pkg) ?? m.code}`);
  if (problems.length) {
    failed = true;
    console.error(`✗ ${pkg.name}\n  ${problems.join('\n  ')}`);
  } else {
    console.log(`✓ ${pkg.name}`);
  }
}
process.exit(failed ? 1 : 0);
