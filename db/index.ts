import { env } from '@/lib/env';
import { type Db, type DbHandle, migrateDb, openPglite, openPostgres } from './client';

export type { Db } from './client';

// Kept on globalThis so dev-server reloads reuse one connection pool and never open the
// embedded database twice (PGlite allows one owner of its data folder).
const holder = globalThis as unknown as { __hiDb?: Promise<DbHandle> };

export function dbHandle(): Promise<DbHandle> {
  holder.__hiDb ??= (async () => {
    const e = env();
    const handle = e.databaseUrl ? await openPostgres(e.databaseUrl) : await openPglite(e.dataDir);
    await migrateDb(handle, e.databaseUrl);
    return handle;
  })();
  return holder.__hiDb;
}

export async function getDb(): Promise<Db> {
  return (await dbHandle()).db;
}
