import { type SQL, sql } from 'drizzle-orm';
import { HALVINGS } from '@/lib/domain/market/halving';
import { type Db, queryRows } from '../../client';

/*
 * The long network history for the analytics charts: daily rows (bundled from 2009, then rolled up
 * from live snapshots) and the 2016-block epochs. Not tenant data, so no scope. Long ranges are
 * averaged per week in SQL, so a chart of 17 years carries ~900 points rather than 6,000.
 */

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/** The subsidy in effect at the end of `day` (lib/domain/market/halving.ts), as SQL. */
export function subsidyBtcSql(day: SQL): SQL {
  const cases = [...HALVINGS].reverse().map((h) => sql`when ${day} >= ${h.at.slice(0, 10)}::date then ${h.subsidyAfterBtc}::numeric`);
  return sql`(case ${sql.join(cases, sql` `)} else 50::numeric end)`;
}

/**
 * Hashprice of a day in BTC per PH/s per day: 1e15 · 86400 · (subsidy + fees per block) / (D · 2^32).
 * Null without the day's fees per block (known only where per-block data covers the day): fees
 * are never counted as 0 for a day they are unknown.
 */
export function hashpriceBtcSql(day: SQL, difficulty: SQL, feesPerBlockBtc: SQL): SQL {
  return sql`(1e15 * 86400 * (${subsidyBtcSql(day)} + ${feesPerBlockBtc}) / (${difficulty} * 4294967296))`;
}

export type HistoryBucket = 'day' | 'week';

export type HistoryPoint = {
  /** The day, or the first day held of the (ISO) week (YYYY-MM-DD). */
  t: string;
  priceUsd: number | null;
  difficulty: number | null;
  /** Daily: the 7-day mean of the implied daily hashrate (all 7 days held); weekly: the week's mean when every day has one. */
  hashrateHs: number | null;
  /** Fees paid per day (weekly: the mean day), in BTC. */
  feesBtc: number | null;
  feesPerBlockBtc: number | null;
  hashpriceBtc: number | null;
  /** Only where a stored BTC/USD close exists for the day. */
  hashpriceUsd: number | null;
};

/**
 * The daily history over [sinceDay, untilDay], per day or per ISO week, oldest first. Every value
 * is a mean over the days that have it; a bucket where no day has a value holds null, never 0.
 */
export async function historySeries(db: Db, p: { sinceDay: string; untilDay: string; bucket: HistoryBucket }): Promise<HistoryPoint[]> {
  const hp = hashpriceBtcSql(sql`day`, sql`difficulty`, sql`fees_per_block_btc`);
  const rows = await queryRows<Record<string, string | null>>(
    db,
    sql`with d as (
          select day, price_close_usd, difficulty, fees_per_block_btc, fees_total_sats, network_hashrate_hs,
            case when count(network_hashrate_hs) over w7 = 7 then avg(network_hashrate_hs) over w7 end as hashrate_7d
          from network_daily
          where day between ${p.sinceDay}::date - 6 and ${p.untilDay}::date
          window w7 as (order by day range between '6 days'::interval preceding and current row)),
        h as (select *, ${hp} as hp_btc from d where day >= ${p.sinceDay}::date)
        select min(day)::text as t,
          avg(price_close_usd) as price, avg(difficulty) as difficulty,
          case when ${p.bucket} = 'day' then avg(hashrate_7d)
               when count(network_hashrate_hs) = count(*) then avg(network_hashrate_hs) end as hashrate,
          avg(fees_total_sats) / 1e8 as fees, avg(fees_per_block_btc) as fees_per_block,
          avg(hp_btc) as hp_btc, avg(hp_btc * price_close_usd) as hp_usd
        from h group by date_trunc(${p.bucket}, day) order by 1`,
  );
  return rows.map((r) => ({
    t: r.t!,
    priceUsd: num(r.price),
    difficulty: num(r.difficulty),
    hashrateHs: num(r.hashrate),
    feesBtc: num(r.fees),
    feesPerBlockBtc: num(r.fees_per_block),
    hashpriceBtc: num(r.hp_btc),
    hashpriceUsd: num(r.hp_usd),
  }));
}

export type EpochPoint = { epoch: number; startHeight: number; start: string; difficulty: number; hashrateHs: number | null };

/** The dated epochs overlapping [sinceDay, untilDay] (the one in effect at sinceDay included), oldest first. */
export async function epochsBetween(db: Db, sinceDay: string, untilDay: string): Promise<EpochPoint[]> {
  const rows = await queryRows<{ epoch: number; start_height: number; start: string; difficulty: string; hashrate: string | null }>(
    db,
    sql`select epoch, start_height, to_char(start_time at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as start, difficulty, hashrate_avg_hs as hashrate
        from network_epochs
        where start_time is not null and start_time < ${untilDay}::date + 1
          and start_time >= coalesce((select max(start_time) from network_epochs where start_time <= ${sinceDay}::date), '-infinity')
        order by epoch`,
  );
  return rows.map((r) => ({ epoch: Number(r.epoch), startHeight: Number(r.start_height), start: r.start, difficulty: Number(r.difficulty), hashrateHs: num(r.hashrate) }));
}

export type AverageSet = { avg7: number | null; avg30: number | null };
export type HistoryAverages = Record<'price' | 'difficulty' | 'hashrate' | 'fees' | 'hashpriceBtc' | 'hashpriceUsd', AverageSet>;

/** 7- and 30-day means of each daily column over the days ending `endDay`, each over the days that have it. */
export async function historyAverages(db: Db, endDay: string): Promise<HistoryAverages> {
  const hp = hashpriceBtcSql(sql`day`, sql`difficulty`, sql`fees_per_block_btc`);
  const [r] = await queryRows<Record<string, string | null>>(
    db,
    sql`with h as (select *, ${hp} as hp_btc from network_daily where day > ${endDay}::date - 30 and day <= ${endDay}::date)
        select
          avg(price_close_usd) filter (where day > ${endDay}::date - 7) as price7, avg(price_close_usd) as price30,
          avg(difficulty) filter (where day > ${endDay}::date - 7) as difficulty7, avg(difficulty) as difficulty30,
          avg(network_hashrate_hs) filter (where day > ${endDay}::date - 7) as hashrate7, avg(network_hashrate_hs) as hashrate30,
          avg(fees_total_sats) filter (where day > ${endDay}::date - 7) / 1e8 as fees7, avg(fees_total_sats) / 1e8 as fees30,
          avg(hp_btc) filter (where day > ${endDay}::date - 7) as hashpriceBtc7, avg(hp_btc) as hashpriceBtc30,
          avg(hp_btc * price_close_usd) filter (where day > ${endDay}::date - 7) as hashpriceUsd7, avg(hp_btc * price_close_usd) as hashpriceUsd30
        from h`,
  );
  const pick = (k: string): AverageSet => ({ avg7: num(r?.[`${k}7`.toLowerCase()]), avg30: num(r?.[`${k}30`.toLowerCase()]) });
  return { price: pick('price'), difficulty: pick('difficulty'), hashrate: pick('hashrate'), fees: pick('fees'), hashpriceBtc: pick('hashpriceBtc'), hashpriceUsd: pick('hashpriceUsd') };
}

/**
 * The newest day with a known fee per block (a day of blocks, about 144: the bundled equivalent of
 * the live "mean of the last 144 blocks"), with its block count and source. Null when none is held.
 */
export async function latestDailyFeePerBlock(db: Db): Promise<{ day: string; feesPerBlockBtc: number; blocks: number | null; source: string } | null> {
  const [r] = await queryRows<{ day: string; fees: string; blocks: number | null; source: string }>(
    db,
    sql`select day::text as day, fees_per_block_btc as fees, blocks, source from network_daily where fees_per_block_btc is not null order by day desc limit 1`,
  );
  return r ? { day: r.day, feesPerBlockBtc: Number(r.fees), blocks: r.blocks === null ? null : Number(r.blocks), source: r.source } : null;
}
