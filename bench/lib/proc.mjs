/**
 * Child processes for the benchmark: every server and every load generator runs in its own
 * process, started through bash so the open-file limit can be raised first (Node cannot call
 * setrlimit). The parent talks to each child over the IPC channel with a tiny request/reply
 * helper whose every call has a timeout.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Open files we ask for; bash falls back to the hard limit when it is lower. */
export const WANTED_FD_LIMIT = 65536;

/**
 * Start `node script ...args` in a bash that first raises `ulimit -n`.
 * The child's pid is node's own (bash `exec`s), so /proc/PID describes the measured process.
 * @param {string} script
 * @param {string[]} args
 * @param {{ execArgv?: string[], env?: NodeJS.ProcessEnv, cwd?: string }} [opts]
 */
export function spawnNode(script, args = [], opts = {}) {
  const raise = `ulimit -n ${WANTED_FD_LIMIT} 2>/dev/null || ulimit -n "$(ulimit -Hn)"; exec "$0" "$@"`;
  const child = spawn('bash', ['-c', raise, process.execPath, ...(opts.execArgv ?? []), script, ...args], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, ...opts.env },
    cwd: opts.cwd,
  });
  return child;
}

/**
 * Request/reply over a child's IPC channel (parent side) or `process` (child side).
 * @param {import('node:child_process').ChildProcess | NodeJS.Process} port
 */
export function rpcClient(port) {
  let next = 1;
  /** @type {Map<number, { resolve: (v: unknown) => void, reject: (e: Error) => void, timer: NodeJS.Timeout }>} */
  const pending = new Map();
  const onMessage = (msg) => {
    if (msg?.type !== 'rpc-reply') return;
    const p = pending.get(msg.reqId);
    if (!p) return;
    pending.delete(msg.reqId);
    clearTimeout(p.timer);
    if (msg.error) p.reject(new Error(msg.error));
    else p.resolve(msg.result);
  };
  port.on('message', onMessage);
  return {
    /**
     * @param {string} op
     * @param {unknown} [arg]
     * @param {number} [timeoutMs]
     */
    call(op, arg, timeoutMs = 30_000) {
      const reqId = next++;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(reqId);
          reject(new Error(`rpc ${op} timed out after ${timeoutMs} ms`));
        }, timeoutMs);
        pending.set(reqId, { resolve, reject, timer });
        port.send({ type: 'rpc', reqId, op, arg });
      });
    },
    close() {
      port.off('message', onMessage);
      for (const p of pending.values()) {
        clearTimeout(p.timer);
        p.reject(new Error('rpc closed'));
      }
      pending.clear();
    },
  };
}

/**
 * Answer `rpc` requests arriving on `port` with `handlers[op](arg)`.
 * @param {import('node:child_process').ChildProcess | NodeJS.Process} port
 * @param {Record<string, (arg: any) => unknown>} handlers
 */
export function rpcServe(port, handlers) {
  const onMessage = async (msg) => {
    if (msg?.type !== 'rpc') return;
    const h = handlers[msg.op];
    try {
      if (!h) throw new Error(`unknown rpc op ${msg.op}`);
      const result = await h(msg.arg);
      port.send({ type: 'rpc-reply', reqId: msg.reqId, result });
    } catch (err) {
      port.send({ type: 'rpc-reply', reqId: msg.reqId, error: String(err?.stack ?? err) });
    }
  };
  port.on('message', onMessage);
  return () => port.off('message', onMessage);
}

/** Resident set size of a process in bytes, from /proc (Linux). */
export function rssOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const m = /VmRSS:\s+(\d+) kB/.exec(status);
  return m ? Number(m[1]) * 1024 : Number.NaN;
}

/** The soft open-file limit of a process, from /proc (Linux). */
export function fdLimitOf(pid) {
  const limits = readFileSync(`/proc/${pid}/limits`, 'utf8');
  const m = /Max open files\s+(\d+)/.exec(limits);
  return m ? Number(m[1]) : Number.NaN;
}

/** Wait for the first message of `type` from a child, or fail after `timeoutMs` or on exit. */
export function waitForMessage(child, type, timeoutMs) {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      clearTimeout(timer);
      child.off('message', onMsg);
      child.off('exit', onExit);
    };
    const onMsg = (msg) => {
      if (msg?.type === type) {
        cleanup();
        resolve(msg);
      } else if (msg?.type === 'fatal') {
        cleanup();
        reject(new Error(`child failed: ${msg.error}`));
      }
    };
    const onExit = (code, signal) => {
      cleanup();
      reject(new Error(`child exited (${code ?? signal}) before sending ${type}`));
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`no ${type} from child within ${timeoutMs} ms`));
    }, timeoutMs);
    child.on('message', onMsg);
    child.on('exit', onExit);
  });
}

/** Stop a child we started: SIGTERM, then SIGKILL after `graceMs`. Resolves on exit. */
export function stopChild(child, graceMs = 3000) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
