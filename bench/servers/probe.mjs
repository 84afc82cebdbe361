/**
 * In-server probe shared by the three server wrappers: answers the orchestrator's RPCs with
 * the event loop's cumulative busy time (ELU), CPU time, RSS, and the broadcast timings the
 * server recorded itself. Marks are taken only outside measured windows, so the probe's own
 * cost (a few microseconds per call) does not land inside a broadcast.
 */
import { performance } from 'node:perf_hooks';
import { rpcServe } from '../lib/proc.mjs';

const MAX_RECORDS = 10_000;

/** @type {{ type: string, ms: number, sockets: number }[]} */
const broadcasts = [];

/** Record one broadcast's synchronous send time (bounded buffer). */
export function recordBroadcast(type, ms, sockets) {
  if (broadcasts.length < MAX_RECORDS) broadcasts.push({ type, ms, sockets });
}

/**
 * Serve the probe RPCs and tell the parent we are ready.
 * @param {{ url: string, httpUrl?: string, kind: string }} ready
 * @param {() => Promise<void>} close
 */
export function startProbe(ready, close) {
  rpcServe(process, {
    mark: () => {
      const elu = performance.eventLoopUtilization();
      return {
        at: performance.timeOrigin + performance.now(),
        eluActiveMs: elu.active,
        eluIdleMs: elu.idle,
        cpu: process.cpuUsage(),
        rss: process.memoryUsage.rss(),
      };
    },
    gc: () => {
      globalThis.gc?.();
      return { gc: typeof globalThis.gc === 'function' };
    },
    broadcasts: () => broadcasts.splice(0, broadcasts.length),
  });
  const shutdown = async () => {
    const timer = setTimeout(() => process.exit(0), 2000);
    timer.unref();
    try {
      await close();
    } finally {
      process.exit(0);
    }
  };
  process.on('SIGTERM', shutdown);
  process.on('disconnect', shutdown);
  process.send({ type: 'ready', ...ready, pid: process.pid });
}

/** Report a start-up failure to the parent and exit. */
export function fatal(err) {
  process.send?.({ type: 'fatal', error: String(err?.stack ?? err) });
  setTimeout(() => process.exit(1), 100);
}
