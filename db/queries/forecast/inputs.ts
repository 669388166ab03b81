import { sql } from 'drizzle-orm';
import { HALVINGS } from '@/lib/domain/market/halving';
import type { ForecastSeriesKey, Observation } from '@/lib/domain/forecast/series';
import { type Db, queryRows } from '../../client';
import { hashpriceBtcSql } from '../market/network-history';

/*
 * The observations each forecast series is fitted on, from the stored network history (bundled
 * from 2009 and rolled up from live snapshots). Daily series come back as a full calendar between
 * their first and last known day, a missing day as NaN (the Kalman filter skips it, so a gap in
 * the bundled per-block data is neither filled in nor closed up). Not tenant data, so no scope.
 */

export type SeriesInput = { observations: Observation[]; source: string };

const DAILY: Record<Exclude<ForecastSeriesKey, 'difficulty'>, { value: ReturnType<typeof sql>; since: string; label: string }> = {
  price: { value: sql`price_close_usd`, since: '2009-01-03', label: 'BTC/USD daily close' },
  hashrate: { value: sql`network_hashrate_hs`, since: '2009-01-03', label: 'implied daily network hashrate' },
  // USD per TH/s per day: the BTC hashprice per PH/s (subsidy + that day's fees) at the day's close.
  // Only since the last halving, which halved it overnight: no ARIMA should fit across that step.
  revenue: {
    value: sql`${hashpriceBtcSql(sql`day`, sql`difficulty`, sql`fees_per_block_btc`)} * price_close_usd / 1000`,
    since: new Date(Date.parse(HALVINGS.at(-1)!.at) + 86_400_000).toISOString().slice(0, 10),
    label: 'revenue per TH/s per day (subsidy + fees at the daily close)',
  },
};

export async function loadSeriesInput(db: Db, series: ForecastSeriesKey, window: number): Promise<SeriesInput> {
  if (series === 'difficulty') {
    const rows = await queryRows<{ epoch: number; difficulty: string; source: string }>(
      db,
      sql`select epoch, difficulty, source from (select epoch, difficulty, source from network_epochs order by epoch desc limit ${window}) e order by epoch`,
    );
    return { observations: rows.map((r) => ({ t: String(r.epoch), value: Number(r.difficulty) })), source: `difficulty per 2016-block epoch (${rows.at(-1)?.source ?? 'network_epochs'})` };
  }
  const d = DAILY[series];
  const rows = await queryRows<{ t: string; v: string | null; source: string | null }>(
    db,
    sql`with v as (select day, ${d.value} as v, source from network_daily where day >= ${d.since}::date),
        span as (select max(day) as last from v where v is not null)
        select g::date::text as t, v.v, v.source
        from span, generate_series(greatest((select min(day) from v where v is not null), span.last - ${window - 1}::int), span.last, '1 day') g
        left join v on v.day = g::date
        order by g`,
  );
  const sources = [...new Set(rows.map((r) => r.source).filter((s): s is string => !!s))];
  return {
    observations: rows.map((r) => ({ t: r.t, value: r.v === null ? Number.NaN : Number(r.v) })),
    source: `${d.label}; network_daily: ${sources.slice(0, 3).join(' | ') || '—'}`,
  };
}
