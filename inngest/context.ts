import { getDb } from '@/db';
import type { Db } from '@/db/client';

let testDb: Db | undefined;

/** The database jobs write to: the app's, or the test's own real database when a test sets one. */
export async function jobDb(): Promise<Db> {
  return testDb ?? getDb();
}

export function setJobDbForTests(db: Db | undefined) {
  testDb = db;
}
