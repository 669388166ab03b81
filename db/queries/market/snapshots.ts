import { desc, gte, lte, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../client';
import { networkDaily, networkSnapshots } from '../../schema';
import { hashpriceBtcSql } from './network-history';

/*
 * Network and market history. Not tenant data (the same network for every organisation), so these
 * take no scope. numeric columns come back as strings from the drivers and are turned into numbers
 * here, once.
 */

export type StoredSnapshot = {
  bucketStart: Date;
  btcPriceUsd: number;
  difficulty: number;
  networkHashrateHs: number;
  feesPerBlockBtc: number | null;
  blockHeight: number | null;
  hashpriceBtcPerPhDay: number;
  hashpriceUsdPerPhDay: number;
  sources: Record<string, unknown>;
};

export type SnapshotInput = Omit<StoredSnapshot, 'bucketStart'> & { bucketStart: Date };

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

function toSnapshot(r: typeof networkSnapshots.$inferSelect): StoredSnapshot {
  return {
    bucketStart: r.bucketStart,
    btcPriceUsd: Number(r.btcPriceUsd),
    difficulty: Number(r.difficulty),
    networkHashrateHs: Number(r.networkHashrateHs),
    feesPerBlockBtc: num(r.feesPerBlockBtc),
    blockHeight: r.blockHeight,
    hashpriceBtcPerPhDay: Number(r.hashpriceBtcPerPhDay),
    hashpriceUsdPerPhDay: Number(r.hashpriceUsdPerPhDay),
    sources: (r.sources ?? {}) as Record<string, unknown>,
  };
}

/** The start of the 5-minute bucket holding `at` (UTC). */
export function bucketStartOf(at: Date): Date {
  const step = 5 * 60_000;
  return new Date(Math.floor(at.getTime() / step) * step);
}

/** Stores one snapshot; a second write for the same bucket replaces the first (idempotent cron). */
export async function upsertSnapshot(db: Db, s: SnapshotInput): Promise<void> {
  const values = {
    bucketStart: s.bucketStart,
    btcPriceUsd: String(s.btcPriceUsd),
    difficulty: String(s.difficulty),
    networkHashrateHs: String(s.networkHashrateHs),
    feesPerBlockBtc: s.feesPerBlockBtc === null ? null : String(s.feesPerBlockBtc),
    blockHeight: s.blockHeight,
    hashpriceBtcPerPhDay: String(s.hashpriceBtcPerPhDay),
    hashpriceUsdPerPhDay: String(s.hashpriceUsdPerPhDay),
    sources: s.sources,
  };
  const { bucketStart: _key, ...update } = values;
  await db.insert(networkSnapshots).values(values).onConflictDoUpdate({ target: networkSnapshots.bucketStart, set: { ...update, createdAt: sql`now()` } });
}

export async function latestSnapshot(db: Db): Promise<StoredSnapshot | null> {
  const [row] = await db.select().from(networkSnapshots).orderBy(desc(networkSnapshots.bucketStart)).limit(1);
  return row ? toSnapshot(row) : null;
}

/** The last snapshot at or before `at` (the base for "24h change"). */
export async function snapshotAtOrBefore(db: Db, at: Date): Promise<StoredSnapshot | null> {
  const [row] = await db.select().from(networkSnapshots).where(lte(networkSnapshots.bucketStart, at)).orderBy(desc(networkSnapshots.bucketStart)).limit(1);
  return row ? toSnapshot(row) : null;
}

/** Snapshots from `since` on, oldest first (at most 5,000 rows: 17 days of 5-minute buckets). */
export async function snapshotsSince(db: Db, since: Date): Promise<StoredSnapshot[]> {
  const rows = await db.select().from(networkSnapshots).where(gte(networkSnapshots.bucketStart, since)).orderBy(networkSnapshots.bucketStart).limit(5000);
  return rows.map(toSnapshot);
}

export type SeriesPoint = { t: string; priceUsd: number | null; difficulty: number | null; hashrateHs: number | null; hashpriceUsd: number | null; hashpriceBtc: number | null };

/** Snapshot averages per `binMinutes` since `since`, binned in SQL so a chart never loads thousands of rows. */
export async function snapshotSeries(db: Db, since: Date, binMinutes: number): Promise<SeriesPoint[]> {
  const bin = Math.max(5, Math.trunc(binMinutes)) * 60;
  const rows = await queryRows<Record<string, string | null>>(
    db,
    sql`select to_timestamp(floor(extract(epoch from bucket_start) / ${bin}) * ${bin}) as t,
          avg(btc_price_usd) as price, avg(difficulty) as difficulty, avg(network_hashrate_hs) as hashrate,
          avg(hashprice_usd_per_ph_day) as hp_usd, avg(hashprice_btc_per_ph_day) as hp_btc
        from network_snapshots where bucket_start >= ${since.toISOString()}::timestamptz
        group by 1 order by 1`,
  );
  return rows.map((r) => ({ t: new Date(r.t as string).toISOString(), priceUsd: num(r.price), difficulty: num(r.difficulty), hashrateHs: num(r.hashrate), hashpriceUsd: num(r.hp_usd), hashpriceBtc: num(r.hp_btc) }));
}

export type DailyRow = {
  day: string;
  priceOpenUsd: number | null;
  priceHighUsd: number | null;
  priceLowUsd: number | null;
  priceCloseUsd: number | null;
  difficulty: number | null;
  networkHashrateHs: number | null;
  feesPerBlockBtc: number | null;
  source: string;
};

/**
 * Upserts daily rows. A column given as null keeps what is stored, so a price-only source never
 * erases a difficulty another source filled in.
 */
export async function upsertDaily(db: Db, rows: DailyRow[]): Promise<number> {
  const s = (v: number | null) => (v === null ? null : String(v));
  for (let i = 0; i < rows.length; i += 500) {
    const batch = rows.slice(i, i + 500);
    await db
      .insert(networkDaily)
      .values(batch.map((r) => ({ day: r.day, priceOpenUsd: s(r.priceOpenUsd), priceHighUsd: s(r.priceHighUsd), priceLowUsd: s(r.priceLowUsd), priceCloseUsd: s(r.priceCloseUsd), difficulty: s(r.difficulty), networkHashrateHs: s(r.networkHashrateHs), feesPerBlockBtc: s(r.feesPerBlockBtc), source: r.source })))
      .onConflictDoUpdate({
        target: networkDaily.day,
        set: {
          priceOpenUsd: sql`coalesce(excluded.price_open_usd, ${networkDaily.priceOpenUsd})`,
          priceHighUsd: sql`coalesce(excluded.price_high_usd, ${networkDaily.priceHighUsd})`,
          priceLowUsd: sql`coalesce(excluded.price_low_usd, ${networkDaily.priceLowUsd})`,
          priceCloseUsd: sql`coalesce(excluded.price_close_usd, ${networkDaily.priceCloseUsd})`,
          difficulty: sql`coalesce(excluded.difficulty, ${networkDaily.difficulty})`,
          networkHashrateHs: sql`coalesce(excluded.network_hashrate_hs, ${networkDaily.networkHashrateHs})`,
          feesPerBlockBtc: sql`coalesce(excluded.fees_per_block_btc, ${networkDaily.feesPerBlockBtc})`,
          source: sql`case when ${networkDaily.source} = excluded.source then excluded.source else ${networkDaily.source} || '; ' || excluded.source end`,
          updatedAt: sql`now()`,
        },
      });
  }
  return rows.length;
}

/** Daily rows from `sinceDay` (YYYY-MM-DD) on, oldest first; at most 4,000 (11 years). */
export async function dailySince(db: Db, sinceDay: string): Promise<DailyRow[]> {
  const rows = await db.select().from(networkDaily).where(gte(networkDaily.day, sinceDay)).orderBy(networkDaily.day).limit(4000);
  return rows.map((r) => ({
    day: r.day,
    priceOpenUsd: num(r.priceOpenUsd),
    priceHighUsd: num(r.priceHighUsd),
    priceLowUsd: num(r.priceLowUsd),
    priceCloseUsd: num(r.priceCloseUsd),
    difficulty: num(r.difficulty),
    networkHashrateHs: num(r.networkHashrateHs),
    feesPerBlockBtc: num(r.feesPerBlockBtc),
    source: r.source,
  }));
}

/** The first and last day held, and how many days: what the dashboard says about its coverage. */
export async function dailyCoverage(db: Db): Promise<{ first: string | null; last: string | null; days: number }> {
  const [r] = await queryRows<{ first: string | null; last: string | null; days: string | number }>(db, sql`select min(day)::text as first, max(day)::text as last, count(*) as days from network_daily`);
  return { first: r?.first ?? null, last: r?.last ?? null, days: Number(r?.days ?? 0) };
}

/**
 * USD hashprice per day over [sinceDay, untilDay]: the day's mean of stored snapshots where there
 * are any, else computed from the daily row (close price, difficulty, fees per block; subsidy by
 * halving date). Days without a difficulty, a close or fees per block are absent, never filled in
 * (fees are not counted as 0 for a day they are unknown).
 */
export async function dailyHashpriceUsd(db: Db, sinceDay: string, untilDay: string): Promise<Array<{ day: string; usd: number }>> {
  const hp = hashpriceBtcSql(sql`day`, sql`difficulty`, sql`fees_per_block_btc`);
  const rows = await queryRows<{ day: string; usd: string }>(
    db,
    sql`with snap as (
          select (bucket_start at time zone 'UTC')::date as day, avg(hashprice_usd_per_ph_day) as usd
          from network_snapshots
          where bucket_start >= ${sinceDay}::date and bucket_start < ${untilDay}::date + 1
          group by 1),
        daily as (
          select day, price_close_usd * ${hp} as usd
          from network_daily
          where day between ${sinceDay}::date and ${untilDay}::date and difficulty is not null and price_close_usd is not null and fees_per_block_btc is not null)
        select coalesce(s.day, d.day)::text as day, coalesce(s.usd, d.usd) as usd
        from snap s full join daily d on s.day = d.day order by 1`,
  );
  return rows.map((r) => ({ day: r.day, usd: Number(r.usd) }));
}

/**
 * Rolls a UTC day's snapshots up into network_daily in one statement (first/max/min/last price,
 * last difficulty, mean hashrate and fees), so the long history keeps growing while the app runs
 * online. Idempotent: re-running a day rewrites its row from the same snapshots. Live values win
 * over bundled or backfilled ones for the same day; `source` then starts with 'snapshots' and keeps
 * the earlier writers after it (their block count and fee total stay where snapshots have none).
 */
export async function rollupDayFromSnapshots(db: Db, day: string): Promise<void> {
  await db.execute(sql`
    insert into network_daily (day, price_open_usd, price_high_usd, price_low_usd, price_close_usd, difficulty, network_hashrate_hs, fees_per_block_btc, source, updated_at)
    select ${day}::date,
      (array_agg(btc_price_usd order by bucket_start))[1], max(btc_price_usd), min(btc_price_usd),
      (array_agg(btc_price_usd order by bucket_start desc))[1],
      (array_agg(difficulty order by bucket_start desc))[1], avg(network_hashrate_hs), avg(fees_per_block_btc),
      'snapshots', now()
    from network_snapshots
    where bucket_start >= ${day}::date and bucket_start < ${day}::date + 1
    having count(*) > 0
    on conflict (day) do update set
      price_open_usd = excluded.price_open_usd, price_high_usd = excluded.price_high_usd, price_low_usd = excluded.price_low_usd,
      price_close_usd = excluded.price_close_usd, difficulty = excluded.difficulty, network_hashrate_hs = excluded.network_hashrate_hs,
      fees_per_block_btc = coalesce(excluded.fees_per_block_btc, network_daily.fees_per_block_btc),
      source = case when network_daily.source like 'snapshots%' then network_daily.source else 'snapshots; ' || network_daily.source end,
      updated_at = now()`);
}

export type DailyAverages = Record<'price' | 'difficulty' | 'hashrate', { avg7: number | null; avg30: number | null }>;

/** 7- and 30-day means of the daily columns over the days ending `endDay`, in one SQL pass. */
export async function dailyAverages(db: Db, endDay: string): Promise<DailyAverages> {
  const [r] = await queryRows<Record<string, string | null>>(
    db,
    sql`select
          avg(price_close_usd) filter (where day > ${endDay}::date - 7) as p7, avg(price_close_usd) as p30,
          avg(difficulty) filter (where day > ${endDay}::date - 7) as d7, avg(difficulty) as d30,
          avg(network_hashrate_hs) filter (where day > ${endDay}::date - 7) as h7, avg(network_hashrate_hs) as h30
        from network_daily where day > ${endDay}::date - 30 and day <= ${endDay}::date`,
  );
  return {
    price: { avg7: num(r?.p7), avg30: num(r?.p30) },
    difficulty: { avg7: num(r?.d7), avg30: num(r?.d30) },
    hashrate: { avg7: num(r?.h7), avg30: num(r?.h30) },
  };
}
