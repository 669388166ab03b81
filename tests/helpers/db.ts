import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { type Db, type DbHandle, migrateDb, openPglite, openPostgres } from '@/db/client';

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a new database on
 * the server at TEST_DATABASE_URL (created here and dropped after), so parallel runs never collide.
 */
export async function createTestDb(): Promise<{ db: Db; handle: DbHandle; drop: () => Promise<void> }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const handle = await openPglite();
    await migrateDb(handle);
    return { db: handle.db, handle, drop: () => handle.close() };
  }
  const name = `hi_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openPostgres(url.toString(), { max: 5 });
  await migrateDb(handle, url.toString());
  return {
    db: handle.db,
    handle,
    drop: async () => {
      await handle.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
