// The whole collector (`npm run collector`, in a process of its own) polling 6,000 simulated miners
// on loopback and uploading to the real ingest handlers (embedded PGlite behind a local HTTP server):
// its resident memory over several poll cycles, against the 300 MB target.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { migrateDb, openPglite } from '@/db/client';
import { issueDeviceToken } from '@/lib/edge/devices';
import { organizations, sites } from '@/db/schema';
import { startCloud } from '@/tests/edge/cloud-server';
import { startFarmProcess } from './edge-sim-farm';

const POLL_S = 15;
const CYCLES = 4;

/** VmRSS and VmHWM (peak) of a process, in MB, from /proc (Linux). */
function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
  return { rssMb: Math.round(kb('VmRSS') / 1024), peakMb: Math.round(kb('VmHWM') / 1024) };
}

export async function benchEdgeCollector(minerCount = 6000): Promise<Record<string, string | number>[]> {
  const handle = await openPglite();
  await migrateDb(handle);
  const [org] = await handle.db.insert(organizations).values({ name: 'Bench collector', slug: `bench-collector-${Date.now()}` }).returning();
  const [site] = await handle.db
    .insert(sites)
    .values({ orgId: org!.id, name: 'Bench farm', location: 'Bench', timeZone: 'UTC', energySource: 'hydro', contractedKw: 20_000, electricityUsdPerKwh: '0.05000' })
    .returning();
  const { token } = await issueDeviceToken(handle.db, { orgId: org!.id, sites: 'all', customers: 'all' }, null, { siteId: site!.id, name: 'bench collector' });
  const cloud = await startCloud(handle.db);
  const farm = await startFarmProcess({ count: minerCount, seed: 42 });
  const dir = mkdtempSync(path.join(tmpdir(), 'hi-bench-collector-'));
  const config = path.join(dir, 'collector.json');
  writeFileSync(
    config,
    JSON.stringify({
      cloudUrl: cloud.url, token, pollIntervalS: POLL_S, concurrency: 256, minerTimeoutMs: 5000, batchSize: 5000,
      bufferDir: path.join(dir, 'buffer'), keysDir: path.join(dir, 'keys'), miners: farm.miners,
    }),
  );
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/collector.ts', '--config', config], { stdio: ['ignore', 'ignore', 'inherit'] });
  const rows: Record<string, string | number>[] = [];
  try {
    let peak = 0;
    let last = { rssMb: 0, peakMb: 0 };
    for (let s = 0; s < (CYCLES * POLL_S + 5) * 2; s++) {
      await new Promise((r) => setTimeout(r, 500));
      if (child.exitCode !== null) throw new Error(`the collector exited with ${child.exitCode}`);
      last = memoryOf(child.pid!);
      peak = Math.max(peak, last.peakMb);
    }
    const uploads = cloud.received.filter((r) => r.status === 200).length;
    rows.push({
      bench: `collector process polling ${minerCount} simulated miners every ${POLL_S} s, ${CYCLES} cycles (${uploads} uploads accepted)`,
      'RSS MB': last.rssMb,
      'peak RSS MB': peak,
      target: '< 300 MB',
    });
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => (child.exitCode === null ? child.once('exit', r) : r(null)));
    farm.stop();
    await cloud.close();
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

if (process.argv[1] && import.meta.filename === path.resolve(process.argv[1])) {
  console.table(await benchEdgeCollector(Number(process.argv[2] ?? 6000)));
  process.exit(0);
}
