import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Options } from 'tsup';

/**
 * Collapses whitespace and comments inside the css`…` templates of our own sources (they hold
 * no `${}` expressions), so the drop-in ships minified CSS. Esbuild leaves template text alone.
 */
const minifyCss: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'minify-lit-css',
  setup(build) {
    build.onLoad(
      { filter: /elements[\\/]src[\\/].*\.styles?\.ts$|base-styles\.ts$|composite-styles\.ts$/ },
      async (args) => {
        const source = await readFile(args.path, 'utf8');
        const contents = source.replace(/css`([^`$]*)`/g, (_, body: string) => {
          const min = body
            .replace(/\/\*[\s\S]*?\*\//g, '')
            .replace(/\s+/g, ' ')
            .replace(/\s*([{}:;,>])\s*/g, '$1')
            .replace(/;}/g, '}')
            .trim();
          return `css\`${min}\``;
        });
        return { contents, loader: 'ts' };
      },
    );
  },
};

/**
 * Two builds:
 * 1. ESM for bundlers: one entry per `exports` key (keep them equal), Lit and the SDK external.
 * 2. The drop-in `dist/quizwire.js`: everything inside, minified, one file.
 */
export const TAGS = [
  'qw-connection',
  'qw-join',
  'qw-lobby',
  'qw-question',
  'qw-histogram',
  'qw-leaderboard',
  'qw-podium',
  'qw-result',
  'qw-generation',
  'qw-player',
  'qw-host',
  'qw-screen',
  'qw-duel',
  'qw-solo',
] as const;

const componentEntries = Object.fromEntries(TAGS.map((tag) => [tag, `src/components/${tag}/define.ts`]));

export default defineConfig([
  {
    entry: { index: 'src/index.ts', define: 'src/define.ts', ...componentEntries },
    format: ['esm'],
    dts: true,
    clean: false, // both configs write to dist/ in parallel: the build script empties it first
    sourcemap: true,
    target: 'es2022',
    treeshake: true,
    splitting: true,
  },
  {
    entry: { quizwire: 'src/quizwire.ts' },
    format: ['esm'],
    dts: true,
    clean: false,
    sourcemap: true,
    minify: true,
    target: 'es2022',
    treeshake: true,
    splitting: false,
    platform: 'browser',
    noExternal: [/.*/],
    define: { 'process.env.NODE_ENV': '"production"' },
    esbuildPlugins: [minifyCss],
    // Bundle the sibling packages from their sources, so the drop-in never ships a stale build.
    esbuildOptions(options) {
      options.alias = {
        '@quizwire/sdk': fileURLToPath(new URL('../sdk/src/index.ts', import.meta.url)),
        '@quizwire/protocol': fileURLToPath(new URL('../protocol/src/index.ts', import.meta.url)),
      };
    },
  },
]);
