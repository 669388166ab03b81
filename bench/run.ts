// `npm run bench`: speed figures on a real database (embedded PGlite, or BENCH_DATABASE_URL's
// server: a fresh database is created there and dropped after). Prints a table; the README quotes it.
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { type DbHandle, migrateDb, openPglite, openPostgres } from '@/db/client';
import { seedDemo } from '@/db/seed/seed-demo';
import { benchMinerList } from './miner-list';

async function openBenchDb(): Promise<{ handle: DbHandle; label: string; drop: () => Promise<void> }> {
  const server = process.env.BENCH_DATABASE_URL;
  if (!server) {
    const handle = await openPglite();
    await migrateDb(handle);
    return { handle, label: 'PGlite (in memory)', drop: () => handle.close() };
  }
  const name = `hi_bench_${randomBytes(4).toString('hex')}`;
  const admin = postgres(server, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  const handle = await openPostgres(url.toString(), { max: 4 });
  await migrateDb(handle, url.toString());
  return {
    handle,
    label: 'PostgreSQL',
    drop: async () => {
      await handle.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

const { handle, label, drop } = await openBenchDb();
try {
  const t0 = performance.now();
  const { orgId } = await seedDemo(handle.db);
  console.log(`database: ${label}; demo farm seeded in ${Math.round(performance.now() - t0)} ms`);
  const rows = [...(await benchMinerList(handle.db, orgId))];
  console.table(rows);
} finally {
  await drop();
}
