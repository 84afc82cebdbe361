/**
 * Quizwire: the real reference server (built `dist`), started in this process with limits
 * raised for a 10,000-player room and logging off. Only configuration is changed here; the
 * game, transport and broadcast code are the server's own.
 */
import { fatal, startProbe } from './probe.mjs';

try {
  const { startServer } = await import('@quizwire/reference-server');
  const overrides = JSON.parse(process.env.QW_BENCH_CONFIG ?? '{}');
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    logger: false,
    maxConnections: 20_000,
    ...overrides,
  });
  startProbe({ kind: 'quizwire', url: server.url, httpUrl: server.httpUrl }, () => server.close());
} catch (err) {
  fatal(err);
}
