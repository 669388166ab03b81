import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../client';

/** The mean daily BTC close (USD) over a month's UTC days that have one, how many, and their sources; null without any. */
export async function monthBtcClose(db: Db, month: string): Promise<{ usd: number; days: number; source: string } | null> {
  const [r] = await queryRows<{ usd: number | null; days: number; source: string | null }>(
    db,
    sql`select avg(price_close_usd)::float8 as usd, count(price_close_usd)::int as days, string_agg(distinct source, '; ') as source
      from network_daily where day >= ${`${month}-01`}::date and day < (${`${month}-01`}::date + interval '1 month') and price_close_usd is not null`,
  );
  return r && r.usd !== null && r.days > 0 ? { usd: r.usd, days: r.days, source: r.source ?? '' } : null;
}
