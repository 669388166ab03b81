// `npx tsx bench/edge-only.ts`: only the edge ingest and rollup figures (needs BENCH_DATABASE_URL), for
// iterating on them without the rest of `npm run bench`. `--no-rollups` skips the 8.6 M-row case,
// `--no-http` the ingest over HTTP through `next start` (which needs `npm run build`).
import { migrateDb, openPostgres } from '@/db/client';
import { createScratchDatabase } from '@/db/scratch';
import { env } from '@/lib/env';
import { benchEdgeIngest } from './edge-ingest';
import { benchEdgeRollups } from './edge-rollups';
import { benchHttpIngest } from './http-ingest';

const server = env().benchDatabaseUrl;
if (!server) throw new Error('BENCH_DATABASE_URL is required (a PostgreSQL server; a scratch database is created there)');
const scratch = await createScratchDatabase(server, 'hi_bench_edge');
const handle = await openPostgres(scratch.url, { max: 4 });
try {
  await migrateDb(handle, scratch.url);
  const ingest = await benchEdgeIngest(handle.db, scratch.url);
  const rows = [...ingest.rows];
  // `--rollup-miners N` runs the rollup case on N of the 6,000 miners (a quicker approximation).
  const limit = process.argv.indexOf('--rollup-miners');
  const miners = limit > 0 ? Number(process.argv[limit + 1]) : undefined;
  if (!process.argv.includes('--no-rollups')) rows.push(...(await benchEdgeRollups(handle.db, ingest.siteId, miners)));
  console.table(rows);
} finally {
  await handle.close();
  await scratch.drop();
}

if (!process.argv.includes('--no-http')) console.table(await benchHttpIngest(server));
