#!/usr/bin/env node
import { ConfigError, helpText, loadConfig } from './config.js';
import { startServer } from './server.js';

const argv = process.argv.slice(2);
if (argv.includes('--help') || argv.includes('-h')) {
  console.log(helpText());
  process.exit(0);
}

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig(process.env, argv);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(`quizwire-server: invalid configuration: ${error.message}`);
    process.exit(2);
  }
  throw error;
}

const server = await startServer(config);
console.error(
  `Quizwire is running: host console ${server.httpUrl}/  ·  players ${server.httpUrl}/play  ·  WebSocket ${server.url}`,
);

let stopping = false;
const stop = (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.error(`quizwire-server: ${signal} received, closing rooms and sockets`);
  const force = setTimeout(() => process.exit(1), 10_000);
  force.unref();
  server.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
