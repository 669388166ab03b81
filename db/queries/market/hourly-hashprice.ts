import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../client';
import { hashpriceBtcSql } from './network-history';

/**
 * USD hashprice (per PH/s per day) of each UTC hour in [from, to): the mean of the hour's stored
 * five-minute snapshots, else the day's figure from network_daily (close price × hashprice from the
 * day's difficulty and fees per block). An hour with neither is null — never filled in.
 */
export async function hourlyHashpriceUsd(db: Db, from: Date, to: Date): Promise<{ hourStart: Date; usd: number | null }[]> {
  const hp = hashpriceBtcSql(sql`d.day`, sql`d.difficulty`, sql`d.fees_per_block_btc`);
  const rows = await queryRows<{ hour: Date | string; usd: string | null }>(
    db,
    sql`with hours as (
          select generate_series(date_trunc('hour', ${from.toISOString()}::timestamptz at time zone 'UTC'),
                                 (${to.toISOString()}::timestamptz at time zone 'UTC') - interval '1 microsecond', interval '1 hour') as h),
        snap as (
          select date_trunc('hour', bucket_start at time zone 'UTC') as h, avg(hashprice_usd_per_ph_day) as usd
          from network_snapshots
          where bucket_start >= date_trunc('hour', ${from.toISOString()}::timestamptz at time zone 'UTC') at time zone 'UTC'
            and bucket_start < ${to.toISOString()}::timestamptz
          group by 1)
        select (hours.h at time zone 'UTC') as hour, coalesce(snap.usd, d.price_close_usd * ${hp}) as usd
        from hours
        left join snap on snap.h = hours.h
        left join network_daily d on d.day = hours.h::date and d.difficulty is not null and d.price_close_usd is not null and d.fees_per_block_btc is not null
        order by 1`,
  );
  return rows.map((r) => ({ hourStart: new Date(r.hour), usd: r.usd === null ? null : Number(r.usd) }));
}
