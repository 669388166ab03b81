import { and, count, desc, eq, gte, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../client';
import { poolAccounts, poolApiCallLogs, poolCollectionRuns } from '../../schema';
import { offsetOf, type PageRequest, toPage } from '../pagination';

export async function insertRun(db: Db, row: typeof poolCollectionRuns.$inferInsert) {
  await db.insert(poolCollectionRuns).values(row);
}

/** Requests logged since `since` (the run's own, plus any tier running alongside it). */
export async function callsSince(db: Db, since: Date): Promise<number> {
  const [row] = await db.select({ n: count() }).from(poolApiCallLogs).where(gte(poolApiCallLogs.startedAt, since));
  return row?.n ?? 0;
}

export async function latestRuns(db: Db, orgId: string, limit = 12) {
  return db.select().from(poolCollectionRuns).where(eq(poolCollectionRuns.orgId, orgId)).orderBy(desc(poolCollectionRuns.startedAt)).limit(limit);
}

/** API usage per 10-minute bucket over the last `hours`, for the budget chart: the whole installation's, as the budget is. */
export async function apiUsage(db: Db, now: Date, hours = 24) {
  const since = new Date(now.getTime() - hours * 3_600_000);
  return db
    .select({
      bucket: sql<string>`to_char(date_bin('10 minutes', ${poolApiCallLogs.startedAt}, timestamptz '2000-01-01'), 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`,
      calls: count(),
      errors: sql<number>`(count(*) filter (where ${poolApiCallLogs.status} = 'error'))::int`,
      avgMs: sql<number>`coalesce(round(avg(${poolApiCallLogs.ms})), 0)::int`,
    })
    .from(poolApiCallLogs)
    .where(and(gte(poolApiCallLogs.startedAt, since)))
    .groupBy(sql`1`)
    .orderBy(sql`1`);
}

/**
 * The organization's request log, newest first, optionally only failures; server-paginated. The
 * budget is the installation's, but which accounts called and what failed is each organization's own.
 */
export async function listCalls(db: Db, orgId: string, filter: { errorsOnly?: boolean }, req: PageRequest) {
  const where = and(
    inArray(poolApiCallLogs.accountId, db.select({ id: poolAccounts.id }).from(poolAccounts).where(eq(poolAccounts.orgId, orgId))),
    filter.errorsOnly ? eq(poolApiCallLogs.status, 'error') : undefined,
  );
  const rows = await db.select().from(poolApiCallLogs).where(where).orderBy(desc(poolApiCallLogs.id)).limit(req.pageSize).offset(offsetOf(req));
  const [c] = await db.select({ n: count() }).from(poolApiCallLogs).where(where);
  return toPage(rows, c?.n ?? 0, req);
}
