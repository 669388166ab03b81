// The whole collector (`npm run collector`, in a process of its own) polling 6,000 simulated miners
// of every vendor dialect the simulator speaks, every 60 s as in production, on loopback and uploading
// to the real ingest handlers (embedded PGlite behind a local HTTP server): its peak resident memory
// over at least two poll cycles, against the 300 MB target (issue 14, "Speed and memory").
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { migrateDb, openPglite } from '@/db/client';
import { issueDeviceToken } from '@/lib/edge/devices';
import { organizations, sites } from '@/db/schema';
import { startCloud } from '@/tests/edge/cloud-server';
import type { SimModel } from '@/lib/edge/simulator';
import { startFarmProcess } from './edge-sim-farm';

const POLL_S = 60;
const CYCLES = 2;
const TARGET_MB = 300;
const BATCH = 5000;

/** One model per firmware the simulator speaks, cycled over the farm: each dialect is an eighth of it. */
export const MIXED_FARM: SimModel[] = [
  'Antminer S19 Pro',
  { model: 'Antminer S21', firmware: 'luxos' },
  { model: 'Antminer S19j Pro', firmware: 'bosminer' },
  { model: 'Antminer S19k Pro', firmware: 'vnish' },
  'Whatsminer M50S',
  { model: 'Whatsminer M60S', firmware: 'btminer-v3' },
  'Avalon A1466',
  'Bitdeer SealMiner A2',
];

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
  const farm = await startFarmProcess({ count: minerCount, seed: 42, models: MIXED_FARM });
  const dir = mkdtempSync(path.join(tmpdir(), 'hi-bench-collector-'));
  const config = path.join(dir, 'collector.json');
  writeFileSync(
    config,
    JSON.stringify({
      cloudUrl: cloud.url, token, pollIntervalS: POLL_S, concurrency: 256, minerTimeoutMs: 5000, batchSize: BATCH,
      bufferDir: path.join(dir, 'buffer'), keysDir: path.join(dir, 'keys'), miners: farm.miners,
    }),
  );
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/collector.ts', '--config', config], { stdio: ['ignore', 'ignore', 'inherit'] });
  const rows: Record<string, string | number>[] = [];
  try {
    // The first cycle starts at once; sampling runs until the cycle after the last one has begun
    // and finished uploading, so at least CYCLES full cycles lie inside the window.
    let peak = 0;
    let last = { rssMb: 0, peakMb: 0 };
    const t0 = Date.now();
    const perCycle = Math.ceil(minerCount / BATCH);
    const seen = () => Math.floor(cloud.received.filter((r) => r.status === 200).length / perCycle);
    while (Date.now() - t0 < ((CYCLES - 1) * POLL_S + 5) * 1000 || seen() < CYCLES) {
      if (Date.now() - t0 > (CYCLES + 2) * POLL_S * 1000) throw new Error(`only ${seen()} uploads in ${CYCLES + 2} poll intervals`);
      await new Promise((r) => setTimeout(r, 500));
      if (child.exitCode !== null) throw new Error(`the collector exited with ${child.exitCode}`);
      last = memoryOf(child.pid!);
      peak = Math.max(peak, last.peakMb);
    }
    const cycles = seen();
    // The newest cycle's uploads: how many of the miners it read as online (every dialect understood).
    const online = cloud.received.filter((r) => r.status === 200).slice(-perCycle).reduce((n, r) => n + (r.online ?? 0), 0);
    const dialects = new Set(farm.firmware).size;
    rows.push({
      bench: `collector process polling ${minerCount} simulated miners (${dialects} firmware dialects) every ${POLL_S} s, ${cycles} cycles uploaded in ${Math.round((Date.now() - t0) / 1000)} s`,
      'online (last cycle)': online,
      'RSS MB': last.rssMb,
      'peak RSS MB': peak,
      target: `< ${TARGET_MB} MB`,
      result: peak < TARGET_MB ? 'PASS' : 'FAIL',
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
