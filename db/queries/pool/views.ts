import { sql } from 'drizzle-orm';
import { isOrgWide, type Scope } from '@/lib/core/scope';
import { type Db, queryRows } from '../../client';
import { offsetOf, type PageRequest, toPage } from '../pagination';
import { scopeWhere } from '../scope';
import { latestHour, minerAlias } from './mismatches';

/** Account-level figures (balances, payments, API use) are for org-wide roles only. */
export const seesWholePool = isOrgWide;

const leafAccounts = (orgId: string) =>
  sql`(select id from pool_accounts a where a.org_id = ${orgId} and a.enabled and not exists (select 1 from pool_accounts c where c.parent_id = a.id and c.enabled))`;

/** Sums over leaf accounts (a main account's own totals already include its subs'). */
export async function poolOverview(db: Db, orgId: string) {
  const [row] = await queryRows<{ balance: string | null; earn24h: string | null; paid: string | null; hs10m: string | null; hs1d: string | null; active: number | null; total: number | null; at: string | null }>(
    db,
    sql`
    with b as (select distinct on (account_id) * from pool_account_balances where account_id in ${leafAccounts(orgId)} order by account_id, recorded_at desc),
         h as (select distinct on (account_id) * from pool_hashrates where account_id in ${leafAccounts(orgId)} order by account_id, recorded_at desc)
    select (select sum(balance_sats) from b)::text as balance, (select sum(earn24h_sats) from b)::text as earn24h, (select sum(paid_out_sats) from b)::text as paid,
           (select sum(hs10m) from h)::text as hs10m, (select sum(hs1d) from h)::text as hs1d,
           (select sum(active_workers) from h)::int as active, (select sum(total_workers) from h)::int as total,
           (select to_char(max(recorded_at), 'YYYY-MM-DD"T"HH24:MI:SS"Z"') from h) as at`,
  );
  return row ?? null;
}

export type HashrateRange = '10m' | '1h' | '1d';

/** Hashrate over time, summed over leaf accounts: 10-minute points (24 h), hourly (7 d), daily (90 d). */
export async function hashrateSeries(db: Db, orgId: string, range: HashrateRange, now: Date) {
  const q =
    range === '10m'
      ? sql`select recorded_at as t, sum(hs10m) as hs from pool_hashrates where account_id in ${leafAccounts(orgId)} and recorded_at > ${new Date(now.getTime() - 86_400_000).toISOString()} group by 1 order by 1`
      : range === '1h'
        ? sql`select recorded_at as t, sum(hs1h) as hs from pool_workers where account_id in ${leafAccounts(orgId)} and recorded_at > ${new Date(now.getTime() - 7 * 86_400_000).toISOString()} group by 1 order by 1`
        : sql`select day::timestamp at time zone 'UTC' as t, sum(avg_hs) as hs from pool_daily_worker_summaries where account_id in ${leafAccounts(orgId)} and day > ${new Date(now.getTime() - 90 * 86_400_000).toISOString().slice(0, 10)}::date group by 1 order by 1`;
  const rows = await queryRows<{ t: string | Date; hs: string }>(db, q);
  return rows.map((r) => ({ t: new Date(r.t).toISOString(), ths: Number(r.hs) / 1e12 }));
}

export type WorkerSort = 'name' | 'hs10m' | 'hs1h' | 'hs1d' | 'deviation';
export type WorkerFilter = {
  q?: string;
  status?: 'online' | 'offline' | 'invalid';
  link?: 'linked' | 'unlinked';
  accountId?: string;
  /** Only linked workers whose pool and miner hashrate differ by more than this many percent. */
  deviationOverPct?: number;
  sort?: WorkerSort;
  dir?: 'asc' | 'desc';
};

/**
 * What the miner itself reported over the last hour (5-minute layer), or its live reading when the
 * 5-minute roll-up has not caught up: the figure the pool's 1 h hashrate is held against.
 */
const minerThs = sql`coalesce(
  (select avg(h.hashrate_avg_ths) from telemetry_history_5min h where h.miner_id = m.id and h.bucket >= now() - interval '1 hour'),
  (select t.hashrate_avg_ths from miner_telemetry_live t where t.miner_id = m.id and t.collected_at >= now() - interval '15 minutes'))`;
const deviation = sql`((w.hs1h / 1e12) - mt.ths) / nullif(mt.ths, 0) * 100`;
const sortSql: Record<WorkerSort, ReturnType<typeof sql>> = {
  name: sql`w.worker_name`,
  hs10m: sql`w.hs10m`,
  hs1h: sql`w.hs1h`,
  hs1d: sql`w.hs1d`,
  deviation: sql`abs(${deviation})`,
};

/**
 * The newest hour of every worker, server-paginated, with the linked miner's own hashrate beside the
 * pool's. A scoped role (site owner, client) sees only workers linked to miners its scope covers.
 */
export async function listPoolWorkers(db: Db, scope: Scope, filter: WorkerFilter, req: PageRequest) {
  const scoped = !seesWholePool(scope);
  const conds = [
    filter.accountId ? sql`a.id = ${filter.accountId}` : undefined,
    filter.q ? sql`w.worker_name ilike ${`%${filter.q.replace(/[%_\\]/g, '\\$&')}%`}` : undefined,
    filter.status ? sql`w.status = ${filter.status}` : undefined,
    filter.link === 'linked' ? sql`l.miner_id is not null` : filter.link === 'unlinked' ? sql`l.miner_id is null` : undefined,
    filter.deviationOverPct !== undefined ? sql`abs(${deviation}) > ${filter.deviationOverPct}` : undefined,
    scoped ? sql`m.id is not null` : undefined,
    // The miner's organization is already the account's (the join); its sites and customers limit here.
    scoped ? scopeWhere({ siteId: minerAlias.siteId, customerId: minerAlias.customerId }, scope) : undefined,
  ].filter(Boolean);
  const where = conds.length ? sql.join(conds as ReturnType<typeof sql>[], sql` and `) : sql`true`;
  const from = sql`${latestHour(scope.orgId)} lh join pool_accounts a on a.id = lh.account_id
    join pool_workers w on w.account_id = lh.account_id and w.recorded_at = lh.at
    left join pool_worker_links l on l.account_id = w.account_id and l.worker_name = w.worker_name
    left join miners m on m.id = l.miner_id and m.org_id = a.org_id
    left join lateral (select ${minerThs} as ths) mt on m.id is not null`;
  const dir = filter.dir === 'desc' ? sql`desc nulls last` : sql`asc nulls last`;
  const rows = await queryRows<{ account: string; accountId: string; workerName: string; hs10m: string; hs1h: string; hs1d: string; status: string; lastShareAt: string | null; minerId: string | null; minerName: string | null; linkSource: string | null; minerThs: number | null }>(
    db,
    sql`select a.label as "account", a.id as "accountId", w.worker_name as "workerName", w.hs10m::text as "hs10m", w.hs1h::text as "hs1h", w.hs1d::text as "hs1d",
          w.status::text as "status", w.last_share_at as "lastShareAt", m.id as "minerId", m.name as "minerName", l.source as "linkSource", mt.ths::float8 as "minerThs"
        from ${from} where ${where} order by ${sortSql[filter.sort ?? 'name']} ${dir}, w.worker_name, a.label limit ${req.pageSize} offset ${offsetOf(req)}`,
  );
  const [{ n }] = (await queryRows<{ n: number }>(db, sql`select count(*)::int as n from ${from} where ${where}`)) as [{ n: number }];
  return toPage(rows, n, req);
}

/**
 * Per account: the pool's 1 h hashrate of linked workers whose miners reported, against what those
 * miners reported, plus how many workers are linked. Org-wide roles only.
 */
export async function poolVsMinerByAccount(db: Db, orgId: string) {
  return queryRows<{ accountId: string; account: string; workers: number; linked: number; compared: number; poolThs: number | null; minerThs: number | null }>(
    db,
    sql`select a.id as "accountId", a.label as "account", count(*)::int as "workers", count(m.id)::int as "linked", count(mt.ths)::int as "compared",
          (sum(w.hs1h) filter (where mt.ths is not null) / 1e12)::float8 as "poolThs", sum(mt.ths)::float8 as "minerThs"
        from ${latestHour(orgId)} lh join pool_accounts a on a.id = lh.account_id
        join pool_workers w on w.account_id = lh.account_id and w.recorded_at = lh.at
        left join pool_worker_links l on l.account_id = w.account_id and l.worker_name = w.worker_name
        left join miners m on m.id = l.miner_id and m.org_id = a.org_id
        left join lateral (select ${minerThs} as ths) mt on m.id is not null
        group by a.id, a.label order by a.label`,
  );
}

/**
 * Pool earnings per customer and day (satoshis), from the daily worker summaries through the
 * worker ↔ miner links. For the customer portal and the treasury; scoped like every customer query.
 */
export async function customerDailyEarnings(db: Db, scope: Scope, range: { from: string; to: string }) {
  const limit = scopeWhere({ siteId: minerAlias.siteId, customerId: minerAlias.customerId }, scope);
  return queryRows<{ customerId: string; day: string; earnedSats: number; workers: number }>(
    db,
    sql`select m.customer_id as "customerId", to_char(s.day, 'YYYY-MM-DD') as "day", sum(s.earned_sats)::bigint::float8 as "earnedSats", count(*)::int as "workers"
        from pool_daily_worker_summaries s
        join pool_accounts a on a.id = s.account_id and a.org_id = ${scope.orgId}
        join pool_worker_links l on l.account_id = s.account_id and l.worker_name = s.worker_name
        join miners m on m.id = l.miner_id and m.org_id = ${scope.orgId}
        where m.customer_id is not null and s.day between ${range.from}::date and ${range.to}::date and ${limit}
        group by 1, 2 order by 2, 1`,
  );
}
