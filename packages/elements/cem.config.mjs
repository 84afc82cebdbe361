/** custom-elements-manifest analyzer: the JSDoc of each component class is its contract. */
export default {
  globs: ['src/components/*/qw-*.ts', 'src/internal/qw-element.ts', 'src/internal/composite.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.stories.ts', 'src/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  dependencies: false,
  packagejson: true,
  plugins: [
    {
      // QwElement#emit(type, …) dispatches events whose names only callers know; the analyzer
      // would list a bogus event called "type". The real events are declared with @fires.
      name: 'drop-dynamic-event-names',
      packageLinkPhase({ customElementsManifest }) {
        for (const mod of customElementsManifest.modules) {
          for (const declaration of mod.declarations ?? []) {
            if (declaration.events) declaration.events = declaration.events.filter((e) => e.name !== 'type');
          }
        }
      },
    },
  ],
};
