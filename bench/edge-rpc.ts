// Edge RPC figures: one poll of 6,000 simulated miners (time, reader RSS) and discovery of a loopback /24.
import { loadavg } from 'node:os';
import path from 'node:path';
import { discover } from '@/lib/edge/discovery';
import { readMiners } from '@/lib/edge/rpc/read-many';
import { startFarmProcess } from './edge-sim-farm';

const mb = (bytes: number) => Math.round(bytes / 2 ** 20);

/** The 1-minute load average, printed beside the figures: on a shared 2-core box it explains the spread. */
const load = () => Math.round(loadavg()[0]! * 10) / 10;

export async function benchEdgeRpc(minerCount = 6000): Promise<Record<string, string | number>[]> {
  const rows: Record<string, string | number>[] = [];
  const farm = await startFarmProcess({ count: minerCount, seed: 42 });
  try {
    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
    // The collector keeps identities between polls, so only the first sweep asks every miner `version`.
    const identityCache = new Map();
    for (const sweep of [1, 2, 3]) {
      const t0 = performance.now();
      const cpu0 = process.cpuUsage();
      const simCpu0 = await farm.cpuS();
      const readings = await readMiners(farm.miners, { concurrency: 256, timeoutMs: 5000, identityCache });
      const ms = performance.now() - t0;
      const cpu = process.cpuUsage(cpu0);
      const simCpuS = (await farm.cpuS()) - simCpu0;
      const online = readings.filter((r) => r.online).length;
      rows.push({
        bench: `poll ${minerCount} simulated miners (sweep ${sweep}, concurrency 256)`,
        ms: Math.round(ms),
        'miners/s': Math.round((minerCount / ms) * 1000),
        online,
        'reader CPU s': Math.round((cpu.user + cpu.system) / 1e5) / 10,
        'simulator CPU s': Math.round(simCpuS * 10) / 10,
        'reader RSS MB': mb(process.memoryUsage().rss),
        'reader peak RSS MB': mb(peak),
        // RSS climbs while V8 defers collection; the live heap is what a leak would grow.
        'reader heap MB': mb(process.memoryUsage().heapUsed),
        'load avg': load(),
      });
    }
    clearInterval(sampler);
    rows.push({ bench: `simulator process hosting ${minerCount} miners`, ms: 0, 'miners/s': 0, online: 0, 'reader RSS MB': farm.rssMb, 'reader peak RSS MB': 0 });
  } finally {
    farm.stop();
  }

  const net = `127.${200 + Math.floor(Math.random() * 50)}.${Math.floor(Math.random() * 250)}`;
  const sub = await startFarmProcess({ count: 100, host: `${net}.1`, addressing: 'hosts', basePort: 4028, seed: 7 });
  try {
    const t0 = performance.now();
    const found = await discover(`${net}.0/24`, { ports: [4028], concurrency: 256, timeoutMs: 2000, retries: 1 });
    rows.push({
      bench: `discover ${net}.0/24 (254 addresses, 100 simulated miners)`,
      ms: Math.round(performance.now() - t0),
      'miners/s': 0,
      online: found.length,
      'reader RSS MB': mb(process.memoryUsage().rss),
      'reader peak RSS MB': 0,
    });
  } finally {
    sub.stop();
  }
  return rows;
}

if (process.argv[1] && import.meta.filename === path.resolve(process.argv[1])) {
  console.table(await benchEdgeRpc(Number(process.argv[2] ?? 6000)));
  process.exit(0);
}
