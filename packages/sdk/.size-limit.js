// Budget of the browser bundle (issue 4): the SDK with everything it pulls in from nanostores and
// @quizwire/protocol, minified and gzipped, as an app bundler would ship it in production.
export default [
  {
    name: '@quizwire/sdk in a browser bundle (with nanostores and @quizwire/protocol)',
    path: 'dist/index.js',
    limit: '6 kB',
    gzip: true,
    modifyEsbuildConfig: (config) => ({
      ...config,
      platform: 'browser',
      define: { 'process.env.NODE_ENV': '"production"' },
    }),
  },
];
