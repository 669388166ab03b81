import { type Db, type DbHandle, migrateDb, openPglite, openPostgres } from '@/db/client';
import { createScratchDatabase } from '@/db/scratch';

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a new database on
 * the server at TEST_DATABASE_URL (created here and dropped after), so parallel runs never collide.
 * `migrationsFolder` stops it part-way through the history (tests/helpers/migrations.ts); `migrate`
 * then applies the rest, as a deployment would.
 */
export async function createTestDb(opts: { migrationsFolder?: string } = {}): Promise<{ db: Db; handle: DbHandle; drop: () => Promise<void>; migrate: () => Promise<void> }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const handle = await openPglite();
    await migrateDb(handle, undefined, opts.migrationsFolder);
    return { db: handle.db, handle, drop: () => handle.close(), migrate: () => migrateDb(handle) };
  }
  const scratch = await createScratchDatabase(serverUrl, 'hi_test');
  const handle = await openPostgres(scratch.url, { max: 5 });
  await migrateDb(handle, scratch.url, opts.migrationsFolder);
  return {
    db: handle.db,
    handle,
    migrate: () => migrateDb(handle, scratch.url),
    drop: async () => {
      await handle.close();
      await scratch.drop();
    },
  };
}
