import { eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { rateLimitBuckets } from '../schema';

/**
 * Fixed-window counter kept in the database, so every app instance shares it. One atomic upsert:
 * a bucket whose window has passed restarts at 1.
 */
export async function hitRateLimit(db: Db, key: string, windowS: number, now: Date): Promise<{ count: number; windowStart: Date }> {
  const cutoff = new Date(now.getTime() - windowS * 1000);
  const [row] = await db
    .insert(rateLimitBuckets)
    .values({ key, windowStart: now, count: 1 })
    .onConflictDoUpdate({
      target: rateLimitBuckets.key,
      set: {
        count: sql`case when ${rateLimitBuckets.windowStart} <= ${cutoff.toISOString()}::timestamptz then 1 else ${rateLimitBuckets.count} + 1 end`,
        windowStart: sql`case when ${rateLimitBuckets.windowStart} <= ${cutoff.toISOString()}::timestamptz then ${now.toISOString()}::timestamptz else ${rateLimitBuckets.windowStart} end`,
      },
    })
    .returning({ count: rateLimitBuckets.count, windowStart: rateLimitBuckets.windowStart });
  return row!;
}

/** The current count in the window, without counting this look. */
export async function peekRateLimit(db: Db, key: string, windowS: number, now: Date): Promise<{ count: number; windowStart: Date } | null> {
  const [row] = await db.select().from(rateLimitBuckets).where(eq(rateLimitBuckets.key, key)).limit(1);
  if (!row || row.windowStart.getTime() <= now.getTime() - windowS * 1000) return null;
  return { count: row.count, windowStart: row.windowStart };
}

export async function clearRateLimit(db: Db, key: string) {
  await db.delete(rateLimitBuckets).where(eq(rateLimitBuckets.key, key));
}

/** Drops buckets whose window ended before `before`; returns how many. */
export async function deleteExpiredRateLimits(db: Db, before: Date): Promise<number> {
  const rows = await db.delete(rateLimitBuckets).where(lt(rateLimitBuckets.windowStart, before)).returning({ key: rateLimitBuckets.key });
  return rows.length;
}
