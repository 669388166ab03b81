import { type Db, type DbHandle, migrateDb, openPglite, openPostgres } from '@/db/client';
import { createScratchDatabase } from '@/db/scratch';

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
  const scratch = await createScratchDatabase(serverUrl, 'hi_test');
  const handle = await openPostgres(scratch.url, { max: 5 });
  await migrateDb(handle, scratch.url);
  return {
    db: handle.db,
    handle,
    drop: async () => {
      await handle.close();
      await scratch.drop();
    },
  };
}
