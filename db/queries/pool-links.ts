import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../client';

/**
 * Links this hour's workers of an account to hosted miners: first by the miner's recorded worker
 * name, then by the account's pattern (its first group is the miner name), both case-insensitive
 * and as hash joins so 6,000 workers link in one statement. Manual links are left alone.
 */
export async function refreshPatternLinks(db: Db, p: { orgId: string; accountId: string; pattern: string; recordedAt: Date }): Promise<{ linked: number; unlinked: number }> {
  const [row] = await queryRows<{ linked: number; unlinked: number }>(
    db,
    sql`
    with w as (
      select worker_name from pool_workers where account_id = ${p.accountId} and recorded_at = ${p.recordedAt.toISOString()}
    ), by_worker as (
      select distinct on (lower(worker_name)) lower(worker_name) as k, id from miners
      where org_id = ${p.orgId} and worker_name is not null order by lower(worker_name), created_at
    ), by_name as (
      select distinct on (lower(name)) lower(name) as k, id from miners where org_id = ${p.orgId} order by lower(name), created_at
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
