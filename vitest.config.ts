import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (pkg: string, entry = 'index') =>
  fileURLToPath(new URL(`./packages/${pkg}/src/${entry}.ts`, import.meta.url));

export default defineConfig({
  resolve: {
    // Tests run against the sources, so a test never passes on a stale build.
    alias: [
      { find: /^@quizwire\/protocol\/schemas$/, replacement: src('protocol', 'schemas') },
      { find: /^@quizwire\/protocol$/, replacement: src('protocol') },
      { find: /^@quizwire\/sdk$/, replacement: src('sdk') },
      { find: /^@quizwire\/reference-server$/, replacement: src('reference-server') },
    ],
  },
  test: {
    include: [
      'packages/*/test/**/*.test.ts',
      'packages/elements/e2e/**/*.test.ts',
      'bench/test/**/*.test.ts',
    ],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
    reporters: process.env.CI ? ['default'] : ['default'],
  },
});
