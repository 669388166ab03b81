import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../client';
import type { ContractRow } from './contracts';
import { coveredMiners } from './sla';

export type MonthRevenue = { revenueCents: number; sats: number; days: number; daysWithoutPrice: number };

/**
 * The revenue a contract's fee share is taken of: what the pool credited the covered miners in the
 * month's UTC days (daily worker summaries through the worker ↔ miner links), each day's sats at that
 * day's BTC close (network_daily), rounded to the cent once. A day without a price is left out and
 * counted. Null when the pool credited nothing.
 */
export async function monthRevenue(db: Db, c: ContractRow, month: string): Promise<MonthRevenue | null> {
  if (!c.siteIds.length) return null;
  const [row] = await queryRows<{ cents: string | null; sats: number; days: number; unpriced: number }>(
    db,
    sql`with covered as (${coveredMiners(c)}),
      earned as (
        select s.day, sum(s.earned_sats)::numeric as sats
        from pool_daily_worker_summaries s
        join pool_worker_links l on l.account_id = s.account_id and l.worker_name = s.worker_name
        join covered m on m.id = l.miner_id
        where s.day >= ${`${month}-01`}::date and s.day < (${`${month}-01`}::date + interval '1 month')
        group by s.day
      )
      select round(sum(e.sats * n.price_close_usd) filter (where n.price_close_usd is not null) / 1000000)::text as cents,
        coalesce(sum(e.sats), 0)::float8 as sats, count(*)::int as days, (count(*) filter (where n.price_close_usd is null))::int as unpriced
      from earned e left join network_daily n on n.day = e.day`,
  );
  if (!row || Number(row.sats) <= 0) return null;
  return { revenueCents: Number(row.cents ?? 0), sats: Number(row.sats), days: Number(row.days), daysWithoutPrice: Number(row.unpriced) };
}
