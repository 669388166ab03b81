import { sql } from 'drizzle-orm';
import type { Db } from '../../client';
import { poolApiNonces } from '../../schema';

/**
 * The next nonce for a key: `nowMs`, or one above the last issued when that is higher. One atomic
 * upsert, so concurrent callers on any instance each get a different, larger value.
 */
export async function takeNonce(db: Db, keyHash: string, nowMs: number): Promise<number> {
  const [row] = await db
    .insert(poolApiNonces)
    .values({ keyHash, lastNonce: nowMs })
    .onConflictDoUpdate({ target: poolApiNonces.keyHash, set: { lastNonce: sql`greatest(excluded.last_nonce, ${poolApiNonces.lastNonce} + 1)` } })
    .returning({ nonce: poolApiNonces.lastNonce });
  return row!.nonce;
}
