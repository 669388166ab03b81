import type { Db } from '@/db/client';
import { dailyCoverage, dailyHashpriceUsd, snapshotSeries } from '@/db/queries/market/snapshots';
import { epochsBetween, historyAverages, historySeries } from '@/db/queries/market/network-history';
import { HALVINGS } from '@/lib/domain/market/halving';
import { median, profitabilityIndex, REFERENCE_FLEET, referenceFleetMargin } from '@/lib/domain/market/hashprice';
import { attachEpochHashrate, halvingsInRange } from '@/lib/domain/market/history';
import { appMarket, type Market } from './current';
import { currentMetrics } from './metrics';

export const RANGES = ['24h', '7d', '30d', '1y', 'all'] as const;
export type Range = (typeof RANGES)[number];

/** One chart point. Hashrate in TH/s and difficulty as is, so lib/format scales them; null = no value. */
export type ChartPoint = {
  t: string;
  price: number | null;
  difficulty: number | null;
  hashrateThs: number | null;
  /** The average implied over the 2016-block epoch in effect (the whole history has it). */
  hashrateEpochThs: number | null;
  feesBtc: number | null;
  hashpriceBtc: number | null;
  hashpriceUsd: number | null;
};

export type Resolution = { kind: 'snapshots'; minutes: number } | { kind: 'daily' | 'weekly'; first: string | null; last: string | null };

const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const ths = (hs: number | null) => (hs === null ? null : hs / 1e12);

/**
 * Everything the network dashboard shows. 24h and 7d come from the 5-minute snapshots; 30d, 1y and
 * all (and 7d when no snapshots exist yet) from the daily history — per day, or per week for all,
 * which keeps 17 years to ~900 points — in a window ending at the last day held, so the offline
 * install charts its bundled history and says up to when.
 */
export async function loadNetworkAnalytics(db: Db, range: Range, now = new Date(), market: Market = appMarket()) {
  const [metrics, coverage] = await Promise.all([currentMetrics(db, market), dailyCoverage(db)]);
  const today = isoDay(now.getTime());
  const endDay = coverage.last && coverage.last < today ? coverage.last : today;
  const endMs = Date.parse(endDay);

  let points: ChartPoint[] = [];
  let resolution: Resolution = { kind: 'daily', first: null, last: coverage.last };
  if (range === '24h' || range === '7d') {
    const minutes = range === '24h' ? 15 : 120;
    const snaps = await snapshotSeries(db, new Date(now.getTime() - (range === '24h' ? 1 : 7) * DAY_MS), minutes);
    points = snaps.map((p) => ({ t: p.t, price: p.priceUsd, difficulty: p.difficulty, hashrateThs: ths(p.hashrateHs), hashrateEpochThs: null, feesBtc: null, hashpriceBtc: p.hashpriceBtc, hashpriceUsd: p.hashpriceUsd }));
    resolution = { kind: 'snapshots', minutes };
  }
  if (range !== '24h' && points.length < 2) {
    const sinceDay = range === 'all' ? (coverage.first ?? endDay) : isoDay(endMs - ((range === '1y' ? 365 : range === '30d' ? 30 : 7) - 1) * DAY_MS);
    const bucket = range === 'all' ? 'week' : 'day';
    const [rows, epochs] = await Promise.all([historySeries(db, { sinceDay, untilDay: endDay, bucket }), epochsBetween(db, sinceDay, endDay)]);
    const series = rows.map((r) => ({ t: r.t, price: r.priceUsd, difficulty: r.difficulty, hashrateThs: ths(r.hashrateHs), feesBtc: r.feesBtc, hashpriceBtc: r.hashpriceBtc, hashpriceUsd: r.hashpriceUsd }));
    points = attachEpochHashrate(series, epochs, bucket === 'week' ? 7 : 1).map(({ epochHashrateHs, ...p }) => ({ ...p, hashrateEpochThs: ths(epochHashrateHs) }));
    resolution = { kind: bucket === 'week' ? 'weekly' : 'daily', first: coverage.first, last: coverage.last };
  }

  const [averages, hpYear] = await Promise.all([historyAverages(db, endDay), dailyHashpriceUsd(db, isoDay(endMs - 364 * DAY_MS), endDay)]);
  const hpValues = hpYear.map((h) => h.usd);
  // The index compares "now" with the year before it. Offline, "now" is the newest day with a USD
  // hashprice when that is as new as the current snapshot or newer, so both sides come from the
  // same time (a day of history has its own day's price and difficulty; the bundled snapshot mixes
  // the newest of each, which can be different days).
  const lastHp = hpYear.at(-1);
  const snapshotDay = metrics.asOf.slice(0, 10);
  const mpiNow = lastHp && lastHp.day >= snapshotDay ? { usd: lastHp.usd, asOf: lastHp.day, fromHistory: true } : { usd: metrics.hashprice.usdPerPhDay, asOf: metrics.asOf, fromHistory: false };

  return {
    metrics,
    coverage,
    range,
    points,
    resolution,
    halvings: halvingsInRange(points.map((p) => p.t), HALVINGS),
    averages,
    ratio: metrics.difficulty / 1e12 / (metrics.btcPriceUsd / 1000),
    mpi: { value: profitabilityIndex(mpiNow.usd, hpValues), median: median(hpValues), days: hpValues.length, ...mpiNow },
    fleet: { ...REFERENCE_FLEET, ...referenceFleetMargin({ ...REFERENCE_FLEET, hashpriceUsdPerPhDay: metrics.hashprice.usdPerPhDay }) },
  };
}

export type NetworkAnalytics = Awaited<ReturnType<typeof loadNetworkAnalytics>>;
