// `npm run bench`: speed figures on a real database (embedded PGlite, or BENCH_DATABASE_URL's
// server: a fresh database is created there and dropped after). Prints a table; the README quotes it.
import { execFileSync } from 'node:child_process';
import { type DbHandle, migrateDb, openPglite, openPostgres } from '@/db/client';
import { createScratchDatabase } from '@/db/scratch';
import { env } from '@/lib/env';
import { seedDemo } from '@/lib/demo/seed-demo';
import { benchHostingMinerList } from './hosting-miner-list';
import { benchEdgeIngest } from './edge-ingest';
import { benchEdgeRollups } from './edge-rollups';
import { benchEdgeCollector } from './edge-collector';
import { benchMinerList } from './miner-list';
import { benchRackMap } from './rack-map';
import { benchCalculator } from './calculator';
import { benchCurtailment } from './curtailment';
import { benchMarket } from './market';
import { benchForecast } from './forecast';
import { benchAntpoolTier2 } from './antpool-tier2';
import { benchHttpPages } from './http-pages';
import { benchHttpIngest } from './http-ingest';
import { benchBulkQueue } from './bulk-queue';
import { benchPowerHourly } from './power-hourly';
import { benchTechnical } from './technical';
import { benchTreasury } from './treasury';
import { benchReports } from './reports';

async function openBenchDb(): Promise<{ handle: DbHandle; label: string; url?: string; drop: () => Promise<void> }> {
  const server = env().benchDatabaseUrl;
  if (!server) {
    const handle = await openPglite();
    await migrateDb(handle);
    return { handle, label: 'PGlite (in memory)', drop: () => handle.close() };
  }
  const scratch = await createScratchDatabase(server, 'hi_bench');
  const handle = await openPostgres(scratch.url, { max: 4 });
  await migrateDb(handle, scratch.url);
  return {
    handle,
    label: 'PostgreSQL',
    url: scratch.url,
    drop: async () => {
      await handle.close();
      await scratch.drop();
    },
  };
}

const { handle, label, url, drop } = await openBenchDb();
try {
  const t0 = performance.now();
  const { orgId } = await seedDemo(handle.db);
  console.log(`database: ${label}; demo farm seeded in ${Math.round(performance.now() - t0)} ms`);
  const rows: Record<string, string | number>[] = [...(await benchMinerList(handle.db, orgId))];
  // Before the list bench grows the farm to 10,000: the bulk target is 6,000 miners.
  rows.push(...(await benchBulkQueue(handle.db, orgId)));
  rows.push(...(await benchHostingMinerList(handle.db, orgId)));
  rows.push(...(await benchRackMap(handle.db, orgId)));
  rows.push(...(await benchCalculator()));
  rows.push(...(await benchTechnical()));
  rows.push(...(await benchCurtailment()));
  rows.push(...(await benchMarket(handle.db)));
  rows.push(...(await benchForecast()));
  rows.push(...(await benchTreasury()));
  rows.push(...(await benchPowerHourly(handle.db)));
  // Ingest vs COPY and 8.6 M-row rollups need a PostgreSQL server (BENCH_DATABASE_URL).
  if (url) {
    const ingest = await benchEdgeIngest(handle.db, url);
    rows.push(...ingest.rows, ...(await benchEdgeRollups(handle.db, ingest.siteId)));
  }
  console.table(rows);
  console.table(await benchAntpoolTier2(handle.db, orgId));
} finally {
  await drop();
}

// The 6,000-miner monthly operations report, in child processes of its own (their RSS is the report's).
console.table(benchReports(env().benchDatabaseUrl));

// Edge RPC needs no database: a simulated farm in a child process, polled and scanned over loopback.
// The reader runs in a fresh process too, so its RSS is not this one's (which holds the benches above).
execFileSync(process.execPath, ['--import', 'tsx', 'bench/edge-rpc.ts'], { stdio: 'inherit' });
// The whole collector, in its own process, polling 6,000 simulated miners and uploading.
console.table(await benchEdgeCollector());

// Whole pages through the production server, on a database of its own (seeded with the demo farm).
console.table(await benchHttpPages(env().benchDatabaseUrl));
console.table(await benchHttpIngest(env().benchDatabaseUrl));
