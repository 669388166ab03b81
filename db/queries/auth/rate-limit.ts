import { eq, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../../client';
import { rateLimitBuckets } from '../../schema';

/** A bucket whose window has passed restarts at 1; otherwise the count goes up by one. */
function countUp(now: Date, windowS: number) {
  const expired = sql`${rateLimitBuckets.windowStart} <= ${new Date(now.getTime() - windowS * 1000).toISOString()}::timestamptz`;
  return {
    count: sql`case when ${expired} then 1 else ${rateLimitBuckets.count} + 1 end`,
    windowStart: sql`case when ${expired} then ${now.toISOString()}::timestamptz else ${rateLimitBuckets.windowStart} end`,
  };
}

/**
 * Fixed-window counter kept in the database, so every app instance shares it. One atomic upsert:
 * a bucket whose window has passed restarts at 1.
 */
export async function hitRateLimit(db: Db, key: string, windowS: number, now: Date): Promise<{ count: number; windowStart: Date }> {
  const [row] = await db
    .insert(rateLimitBuckets)
    .values({ key, windowStart: now, count: 1 })
    .onConflictDoUpdate({ target: rateLimitBuckets.key, set: countUp(now, windowS) })
    .returning({ count: rateLimitBuckets.count, windowStart: rateLimitBuckets.windowStart });
  return row!;
}

export type Reservation = { ok: true } | { ok: false; retryAfterS: number };

class LimitReached extends Error {
  constructor(readonly retryAfterS: number) {
    super('rate limit reached');
  }
}

/**
 * Takes one attempt from every bucket, or from none: the counts go up in one transaction that is
 * rolled back when any bucket passes its limit, so an attempt refused by one limit never uses up
 * another (a stranger locked out of a pair cannot go on filling the account's wider bucket). The
 * upserts hold their rows until commit, so concurrent attempts are counted one after another and
 * never more than `max` get through; rows are taken in key order, so two attempts cannot deadlock.
 */
export async function reserveRateLimits(db: Db, limits: { key: string; max: number }[], windowS: number, now: Date): Promise<Reservation> {
  const maxOf = new Map(limits.map((l) => [l.key, l.max]));
  const keys = [...maxOf.keys()].sort();
  try {
    await db.transaction(async (tx) => {
      const rows = await tx
        .insert(rateLimitBuckets)
        .values(keys.map((key) => ({ key, windowStart: now, count: 1 })))
        .onConflictDoUpdate({ target: rateLimitBuckets.key, set: countUp(now, windowS) })
        .returning({ key: rateLimitBuckets.key, count: rateLimitBuckets.count, windowStart: rateLimitBuckets.windowStart });
      const full = rows.filter((r) => r.count > maxOf.get(r.key)!);
      if (!full.length) return;
      const until = Math.max(...full.map((r) => r.windowStart.getTime() + windowS * 1000));
      throw new LimitReached(Math.max(1, Math.ceil((until - now.getTime()) / 1000)));
    });
    return { ok: true };
  } catch (error) {
    if (error instanceof LimitReached) return { ok: false, retryAfterS: error.retryAfterS };
    throw error;
  }
}

/** Gives reserved attempts back (one each), for an attempt that turned out not to count. */
export async function releaseRateLimits(db: Db, keys: string[]) {
  if (!keys.length) return;
  await db
    .update(rateLimitBuckets)
    .set({ count: sql`greatest(${rateLimitBuckets.count} - 1, 0)` })
    .where(inArray(rateLimitBuckets.key, keys));
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
