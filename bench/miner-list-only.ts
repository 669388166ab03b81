// `npx tsx bench/miner-list-only.ts`: only the miner-list figures (6,000 and 10,000 miners), for iterating
// on the list query without the rest of `npm run bench`. On BENCH_DATABASE_URL's server when set (a
// scratch database is created there and dropped after), else on embedded PGlite.
import { type DbHandle, migrateDb, openPglite, openPostgres } from '@/db/client';
import { createScratchDatabase } from '@/db/scratch';
import { env } from '@/lib/env';
import { seedDemo } from '@/lib/demo/seed-demo';
import { benchHostingMinerList } from './hosting-miner-list';
import { benchMinerList } from './miner-list';

async function open(): Promise<{ handle: DbHandle; label: string; drop: () => Promise<void> }> {
  const server = env().benchDatabaseUrl;
  if (!server) {
    const handle = await openPglite();
    await migrateDb(handle);
    return { handle, label: 'PGlite (in memory)', drop: () => handle.close() };
  }
  const scratch = await createScratchDatabase(server, 'hi_bench_list');
  const handle = await openPostgres(scratch.url, { max: 4 });
  await migrateDb(handle, scratch.url);
  return { handle, label: 'PostgreSQL', drop: async () => (await handle.close(), await scratch.drop()) };
}

const { handle, label, drop } = await open();
try {
  const { orgId } = await seedDemo(handle.db);
  console.log(`database: ${label}`);
  console.table([...(await benchMinerList(handle.db, orgId)), ...(await benchHostingMinerList(handle.db, orgId))]);
} finally {
  await drop();
}
