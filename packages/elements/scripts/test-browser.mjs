#!/usr/bin/env node
// Runs the component tests in headless Debian Chromium. Without a Chromium the run fails in CI
// (CI=true) and is skipped loudly elsewhere, so a missing browser never passes silently.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  const message = `Chromium not found at ${chromium} (install it with: apt-get install -y chromium).`;
  if (process.env.CI === 'true') {
    console.error(`\n✖ test:browser: ${message}\n  Browser tests are required in CI.\n`);
    process.exit(1);
  }
  const line = '!'.repeat(78);
  console.warn(
    `\n${line}\n!! SKIPPED: @quizwire/elements browser tests did not run.\n!! ${message}\n${line}\n`,
  );
  process.exit(0);
}
const result = spawnSync(
  'npx',
  ['web-test-runner', '--config', 'web-test-runner.config.mjs', ...process.argv.slice(2)],
  {
    stdio: 'inherit',
  },
);
process.exit(result.status ?? 1);
