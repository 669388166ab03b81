import { statSync } from 'node:fs';
import path from 'node:path';
import { env } from '@/lib/env';
import { type Db, type DbHandle, migrateDb, migrationsFolder, openPglite, openPostgres } from './client';

export type { Db } from './client';

// Kept on globalThis so dev-server reloads reuse one connection pool and never open the
// embedded database twice (PGlite allows one owner of its data folder).
const holder = globalThis as unknown as { __hiDb?: Promise<DbHandle>; __hiJournal?: number };
const journal = path.join(migrationsFolder, 'meta', '_journal.json');

export function dbHandle(): Promise<DbHandle> {
  const e = env();
  holder.__hiDb ??= (async () => {
    const handle = e.databaseUrl ? await openPostgres(e.databaseUrl) : await openPglite(e.dataDir);
    await migrateDb(handle, e.databaseUrl);
    holder.__hiJournal = statSync(journal).mtimeMs;
    return handle;
  })();
  if (e.nodeEnv === 'development') return refreshMigrationsInDev(holder.__hiDb, e.databaseUrl);
  return holder.__hiDb;
}

/** In development a new migration is applied on the next request, without restarting the server. */
async function refreshMigrationsInDev(pending: Promise<DbHandle>, databaseUrl: string | undefined): Promise<DbHandle> {
  const handle = await pending;
  const mtime = statSync(journal).mtimeMs;
  if (mtime !== holder.__hiJournal) {
    holder.__hiJournal = mtime;
    await migrateDb(handle, databaseUrl);
  }
  // drizzle caches each table's column names on first use; after a reload brings a new column
  // (a schema edit) the kept instance would render it as undefined. Cheap to rebuild, dev only.
  (handle.db as unknown as { dialect: { casing: { clearCache(): void } } }).dialect.casing.clearCache();
  return handle;
}

export async function getDb(): Promise<Db> {
  return (await dbHandle()).db;
}
