import { type SQL, sql } from 'drizzle-orm';
import type { Scope } from '@/lib/core/scope';
import { type Db, queryRows } from '../../client';
import { offsetOf, type PageRequest, toPage } from '../pagination';
import { scopeWhere } from '../scope';

/*
 * The two sides of a worker ↔ miner mismatch: pool workers of the newest hour that no hosted miner
 * claims, and hosted miners that no pool worker points at. Both server-paginated and scoped.
 */
/** The scoped columns of the miners joined as `m`. */
export const minerAlias = { orgId: sql`m.org_id`, siteId: sql`m.site_id`, customerId: sql`m.customer_id` };

/** The miners of `m` the scope may see, as SQL (alias `m`). */
export function minerAliasScope(scope: Scope): SQL {
  return scopeWhere(minerAlias, scope);
}

/** Newest hour per account, computed once per account rather than per worker row. */
export const latestHour = (orgId: string) =>
  sql`(select a.id as account_id, (select max(recorded_at) from pool_workers x where x.account_id = a.id) as at from pool_accounts a where a.org_id = ${orgId})`;

/** A CLIENT is tied to customers and never sees unattributed pool workers. */
export const seesUnmatchedWorkers = (scope: Scope) => scope.customers === 'all';

export async function listUnmatchedWorkers(db: Db, scope: Scope, filter: { accountId?: string; q?: string }, req: PageRequest) {
  if (!seesUnmatchedWorkers(scope)) return toPage([], 0, req);
  const where = sql.join(
    [
      sql`(l.miner_id is null)`,
      filter.accountId ? sql`a.id = ${filter.accountId}` : sql`true`,
      filter.q ? sql`w.worker_name ilike ${`%${filter.q.replace(/[%_\\]/g, '\\$&')}%`}` : sql`true`,
    ],
    sql` and `,
  );
  const from = sql`${latestHour(scope.orgId)} h join pool_accounts a on a.id = h.account_id
    join pool_workers w on w.account_id = h.account_id and w.recorded_at = h.at
    left join pool_worker_links l on l.account_id = w.account_id and l.worker_name = w.worker_name`;
  const rows = await queryRows<{ accountId: string; account: string; workerName: string; hs1h: string; status: string; patternName: string | null; linkSource: string | null }>(
    db,
    sql`select a.id as "accountId", a.label as "account", w.worker_name as "workerName", w.hs1h::text as "hs1h", w.status::text as "status",
          substring(w.worker_name from a.worker_pattern) as "patternName", l.source as "linkSource"
        from ${from} where ${where} order by a.label, w.worker_name limit ${req.pageSize} offset ${offsetOf(req)}`,
  );
  const [c] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from ${from} where ${where}`);
  return toPage(rows, c?.n ?? 0, req);
}

/** Hosted miners (not sold) in scope that no pool worker of the organization links to. */
export async function listMinersWithoutWorker(db: Db, scope: Scope, filter: { q?: string }, req: PageRequest) {
  const where = sql.join(
    [
      minerAliasScope(scope),
      sql`m.status <> 'sold'`,
      sql`not exists (select 1 from pool_worker_links l join pool_accounts a on a.id = l.account_id where l.miner_id = m.id and a.org_id = ${scope.orgId})`,
      filter.q ? sql`(m.name ilike ${`%${filter.q.replace(/[%_\\]/g, '\\$&')}%`} or m.worker_name ilike ${`%${filter.q.replace(/[%_\\]/g, '\\$&')}%`})` : sql`true`,
    ],
    sql` and `,
  );
  const rows = await queryRows<{ id: string; name: string; workerName: string | null; site: string; status: string }>(
    db,
    sql`select m.id, m.name, m.worker_name as "workerName", s.name as "site", m.status::text as "status"
        from miners m join sites s on s.id = m.site_id where ${where} order by m.name limit ${req.pageSize} offset ${offsetOf(req)}`,
  );
  const [c] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from miners m where ${where}`);
  return toPage(rows, c?.n ?? 0, req);
}

/** Miners in scope matching a search, for the link dialog; `linkedTo` names the worker already on it. */
export async function searchLinkableMiners(db: Db, scope: Scope, q: string, limit = 20) {
  const like = `%${q.trim().replace(/[%_\\]/g, '\\$&')}%`;
  return queryRows<{ id: string; name: string; workerName: string | null; site: string; linkedTo: string | null }>(
    db,
    sql`select m.id, m.name, m.worker_name as "workerName", s.name as "site",
          (select l.worker_name from pool_worker_links l join pool_accounts a on a.id = l.account_id where l.miner_id = m.id and a.org_id = ${scope.orgId} order by l.worker_name limit 1) as "linkedTo"
        from miners m join sites s on s.id = m.site_id
        where ${minerAliasScope(scope)} and m.status <> 'sold' and (m.name ilike ${like} or m.worker_name ilike ${like} or m.serial ilike ${like})
        order by m.name limit ${limit}`,
  );
}

/** How many workers of each account match, do not match, or were linked by hand (newest hour). */
export async function linkSummary(db: Db, orgId: string) {
  return queryRows<{ accountId: string; account: string; pattern: string; workers: number; linked: number; manual: number }>(
    db,
    sql`select a.id as "accountId", a.label as "account", a.worker_pattern as "pattern", count(w.worker_name)::int as "workers",
          count(l.miner_id)::int as "linked", (count(*) filter (where l.source = 'manual'))::int as "manual"
        from ${latestHour(orgId)} h join pool_accounts a on a.id = h.account_id
        left join pool_workers w on w.account_id = h.account_id and w.recorded_at = h.at
        left join pool_worker_links l on l.account_id = w.account_id and l.worker_name = w.worker_name
        group by a.id, a.label, a.worker_pattern order by a.label`,
  );
}

/** Hand-made links (and hand-made "no miner"s) the actor may see, newest first. */
export async function listManualLinks(db: Db, scope: Scope, req: PageRequest) {
  if (!seesUnmatchedWorkers(scope)) return toPage([], 0, req);
  const where = sql`a.org_id = ${scope.orgId} and l.source = 'manual' and (l.miner_id is null or exists (select 1 from miners m where m.id = l.miner_id and ${minerAliasScope(scope)}))`;
  const from = sql`pool_worker_links l join pool_accounts a on a.id = l.account_id left join miners mm on mm.id = l.miner_id`;
  const rows = await queryRows<{ accountId: string; account: string; workerName: string; minerId: string | null; minerName: string | null; updatedAt: string }>(
    db,
    sql`select a.id as "accountId", a.label as "account", l.worker_name as "workerName", l.miner_id as "minerId", mm.name as "minerName", l.updated_at as "updatedAt"
        from ${from} where ${where} order by l.updated_at desc, l.worker_name limit ${req.pageSize} offset ${offsetOf(req)}`,
  );
  const [c] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from ${from} where ${where}`);
  return toPage(rows, c?.n ?? 0, req);
}
