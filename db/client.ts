import path from 'node:path';
import type { SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema';

export type Schema = typeof schema;
/** Either driver: postgres.js against a server, or PGlite embedded. Queries are written once for both. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export type DbHandle = { db: Db; kind: 'postgres' | 'pglite'; close: () => Promise<void> };

export const migrationsFolder = path.join(process.cwd(), 'db', 'migrations');

export async function openPostgres(url: string, opts: { max?: number } = {}): Promise<DbHandle> {
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const sql = postgres(url, { max: opts.max ?? 10, onnotice: () => {} });
  return { db: drizzle(sql, { schema, casing: 'snake_case' }) as unknown as Db, kind: 'postgres', close: () => sql.end() };
}

/** dataDir undefined → in memory (tests). */
export async function openPglite(dataDir?: string): Promise<DbHandle> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  // pg_trgm serves the miner list's quick search (migration 0010 creates it); PGlite ships it as an add-on.
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const options = { extensions: { pg_trgm } };
  const client = dataDir ? new PGlite(path.join(dataDir, 'pglite'), options) : new PGlite(options);
  await client.waitReady;
  return { db: drizzle(client, { schema, casing: 'snake_case' }) as unknown as Db, kind: 'pglite', close: () => client.close() };
}

/**
 * Applies committed migrations. On a shared server several instances may start at once, so the
 * run is serialised with a session advisory lock on one dedicated connection; PGlite has a
 * single owner and needs none. `folder` other than the committed one is for tests that stop a
 * database part-way through the history.
 */
export async function migrateDb(handle: DbHandle, databaseUrl?: string, folder = migrationsFolder): Promise<void> {
  if (handle.kind === 'pglite') {
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    await migrate(handle.db as any, { migrationsFolder: folder });
    return;
  }
  if (!databaseUrl) throw new Error('migrateDb needs the database URL for a PostgreSQL server');
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const { migrate } = await import('drizzle-orm/postgres-js/migrator');
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    await sql`select pg_advisory_lock(727274001)`;
    await migrate(drizzle(sql), { migrationsFolder: folder });
    await sql`select pg_advisory_unlock(727274001)`;
  } finally {
    await sql.end();
  }
}

/** Rows of a raw `db.execute(sql…)`, which postgres.js returns as an array and PGlite as `{ rows }`. */
export async function queryRows<T extends Record<string, unknown>>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
