import { and, eq, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../client';
import { poolWorkerLinks } from '../../schema';

/**
 * Links this hour's workers of an account to hosted miners: first by the miner's recorded worker
 * name, then by the account's pattern (its first group is the miner name), both case-insensitive
 * and as hash joins so 6,000 workers link in one statement. Manual links win both ways: they are
 * left alone, and a miner someone linked by hand is never handed to another worker by the pattern.
 */
export async function refreshPatternLinks(db: Db, p: { orgId: string; accountId: string; pattern: string; recordedAt: Date }): Promise<{ linked: number; unlinked: number }> {
  const [row] = await queryRows<{ linked: number; unlinked: number }>(
    db,
    sql`
    with w as (
      select worker_name from pool_workers where account_id = ${p.accountId} and recorded_at = ${p.recordedAt.toISOString()}
    ), claimed as (
      select l.miner_id from pool_worker_links l join pool_accounts a on a.id = l.account_id
      where a.org_id = ${p.orgId} and l.source = 'manual' and l.miner_id is not null
    ), by_worker as (
      select distinct on (lower(worker_name)) lower(worker_name) as k, id from miners
      where org_id = ${p.orgId} and worker_name is not null and id not in (select miner_id from claimed) order by lower(worker_name), created_at
    ), by_name as (
      select distinct on (lower(name)) lower(name) as k, id from miners where org_id = ${p.orgId} and id not in (select miner_id from claimed) order by lower(name), created_at
    ), ins as (
      insert into pool_worker_links (account_id, worker_name, miner_id, source, updated_at)
      select ${p.accountId}, w.worker_name, coalesce(bw.id, bn.id), 'pattern', now()
      from w
      left join by_worker bw on bw.k = lower(w.worker_name)
      left join by_name bn on bn.k = lower(substring(w.worker_name from ${p.pattern}))
      on conflict (account_id, worker_name) do update set miner_id = excluded.miner_id, updated_at = excluded.updated_at
        where pool_worker_links.source = 'pattern'
      returning miner_id
    )
    select count(miner_id)::int as linked, (count(*) - count(miner_id))::int as unlinked from ins`,
  );
  return row ?? { linked: 0, unlinked: 0 };
}

/** Whether PostgreSQL accepts the pattern as a regex (what the link step will run). */
export async function isValidPattern(db: Db, pattern: string): Promise<boolean> {
  try {
    await queryRows(db, sql`select substring('a.b' from ${pattern}) as x`);
    return true;
  } catch {
    return false;
  }
}

export type WorkerLink = { minerId: string | null; source: string };

export async function getWorkerLink(db: Db, accountId: string, workerName: string): Promise<WorkerLink | null> {
  const [row] = await db
    .select({ minerId: poolWorkerLinks.minerId, source: poolWorkerLinks.source })
    .from(poolWorkerLinks)
    .where(and(eq(poolWorkerLinks.accountId, accountId), eq(poolWorkerLinks.workerName, workerName)))
    .limit(1);
  return row ?? null;
}

/**
 * A hand-made link (or, with `minerId` null, a hand-made "no miner"). The miner moves here: pattern
 * links that gave it to other workers of the organization are cleared, and an older hand-made link
 * to it is dropped (that worker goes back to the pattern, which never hands out a claimed miner), so
 * one miner has one worker.
 */
export async function setManualLink(db: Db, p: { orgId: string; accountId: string; workerName: string; minerId: string | null; at: Date }) {
  if (p.minerId) {
    await queryRows(
      db,
      sql`update pool_worker_links l set miner_id = null, updated_at = ${p.at.toISOString()} from pool_accounts a
          where a.id = l.account_id and a.org_id = ${p.orgId} and l.miner_id = ${p.minerId} and l.source = 'pattern'
            and not (l.account_id = ${p.accountId} and l.worker_name = ${p.workerName})`,
    );
    await queryRows(
      db,
      sql`delete from pool_worker_links l using pool_accounts a
          where a.id = l.account_id and a.org_id = ${p.orgId} and l.miner_id = ${p.minerId} and l.source = 'manual'
            and not (l.account_id = ${p.accountId} and l.worker_name = ${p.workerName})`,
    );
  }
  await db
    .insert(poolWorkerLinks)
    .values({ accountId: p.accountId, workerName: p.workerName, minerId: p.minerId, source: 'manual', updatedAt: p.at })
    .onConflictDoUpdate({ target: [poolWorkerLinks.accountId, poolWorkerLinks.workerName], set: { minerId: p.minerId, source: 'manual', updatedAt: p.at } });
}

/** Hands a worker back to the pattern: the manual row goes, the next link refresh decides again. */
export async function clearManualLink(db: Db, accountId: string, workerName: string): Promise<boolean> {
  const rows = await db
    .delete(poolWorkerLinks)
    .where(and(eq(poolWorkerLinks.accountId, accountId), eq(poolWorkerLinks.workerName, workerName), eq(poolWorkerLinks.source, 'manual')))
    .returning({ w: poolWorkerLinks.workerName });
  return rows.length > 0;
}

/** The account's newest worker hour, or null before Tier 2 has run. */
export async function latestWorkerHour(db: Db, accountId: string): Promise<Date | null> {
  const [row] = await queryRows<{ at: string | Date | null }>(db, sql`select max(recorded_at) as at from pool_workers where account_id = ${accountId}`);
  return row?.at ? new Date(row.at) : null;
}

export async function workerExists(db: Db, accountId: string, workerName: string): Promise<boolean> {
  const rows = await queryRows(db, sql`select 1 from pool_workers where account_id = ${accountId} and worker_name = ${workerName} limit 1`);
  return rows.length > 0;
}
