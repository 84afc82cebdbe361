/**
 * Load-generator process. Runs one scenario against one server and sends the result to the
 * orchestrator. Everything here is bounded: the orchestrator kills this process at its time
 * limit, and each wait inside the scenarios has its own timeout.
 */
import { rpcClient } from '../lib/proc.mjs';
import { manyRooms } from './many-rooms.mjs';
import { singleRoom } from './single-room.mjs';

const spec = JSON.parse(process.argv[2]);
const rpc = rpcClient(process);
const log = (line) => {
  if (spec.verbose) process.stderr.write(`    [load ${spec.server} ${spec.scenario}] ${line}\n`);
};

try {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const result =
    spec.scenario === 'single'
      ? await singleRoom({ ...spec, rpc, log })
      : await manyRooms({ ...spec, rpc, log });
  const cpu = process.cpuUsage(cpu0);
  result.loadProcess = {
    cpuCores: Math.round(((cpu.user + cpu.system) / 1000 / (performance.now() - t0)) * 100) / 100,
    rssMB: Math.round(process.memoryUsage.rss() / 2 ** 20),
  };
  process.send({ type: 'result', result }, () => process.exit(0));
} catch (err) {
  process.send({ type: 'fatal', error: String(err?.stack ?? err) }, () => process.exit(1));
}
