import type { Db } from '@/db/client';
import { dailyAverages, dailyCoverage, dailyHashpriceUsd, dailySince, snapshotSeries } from '@/db/queries/market/snapshots';
import { median, profitabilityIndex, REFERENCE_FLEET, referenceFleetMargin } from '@/lib/domain/market/hashprice';
import { appMarket, type Market } from './current';
import { currentMetrics } from './metrics';

export const RANGES = ['24h', '7d', '30d', '1y'] as const;
export type Range = (typeof RANGES)[number];

export type ChartPoint = { t: string; price: number | null; difficultyT: number | null; hashrateEh: number | null; hashpriceUsd: number | null };

const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

/**
 * Everything the network dashboard shows. 24h and 7d come from the 5-minute snapshots; 30d and 1y
 * (and 7d when no snapshots exist yet) from the daily history, in a window ending at the last day
 * held, so the offline install still charts its bundled history and says up to when.
 */
export async function loadNetworkAnalytics(db: Db, range: Range, now = new Date(), market: Market = appMarket()) {
  const [metrics, coverage] = await Promise.all([currentMetrics(db, market), dailyCoverage(db)]);
  const today = isoDay(now.getTime());
  const endDay = coverage.last && coverage.last < today ? coverage.last : today;
  const endMs = Date.parse(endDay);

  let points: ChartPoint[] = [];
  let resolution: { kind: 'snapshots'; minutes: number } | { kind: 'daily'; last: string | null } = { kind: 'daily', last: coverage.last };
  if (range === '24h' || range === '7d') {
    const minutes = range === '24h' ? 15 : 120;
    const snaps = await snapshotSeries(db, new Date(now.getTime() - (range === '24h' ? 1 : 7) * DAY_MS), minutes);
    points = snaps.map((p) => ({ t: p.t, price: p.priceUsd, difficultyT: p.difficulty === null ? null : p.difficulty / 1e12, hashrateEh: p.hashrateHs === null ? null : p.hashrateHs / 1e18, hashpriceUsd: p.hashpriceUsd }));
    resolution = { kind: 'snapshots', minutes };
  }
  if (range !== '24h' && points.length < 2) {
    const days = range === '1y' ? 365 : range === '30d' ? 30 : 7;
    const since = isoDay(endMs - (days - 1) * DAY_MS);
    const [rows, hp] = await Promise.all([dailySince(db, since), dailyHashpriceUsd(db, since, endDay)]);
    const hpByDay = new Map(hp.map((h) => [h.day, h.usd]));
    points = rows
      .filter((r) => r.day <= endDay)
      .map((r) => ({ t: r.day, price: r.priceCloseUsd, difficultyT: r.difficulty === null ? null : r.difficulty / 1e12, hashrateEh: r.networkHashrateHs === null ? null : r.networkHashrateHs / 1e18, hashpriceUsd: hpByDay.get(r.day) ?? null }));
    resolution = { kind: 'daily', last: coverage.last };
  }

  const [averages, hpYear] = await Promise.all([dailyAverages(db, endDay), dailyHashpriceUsd(db, isoDay(endMs - 364 * DAY_MS), endDay)]);
  const hpValues = hpYear.map((h) => h.usd);
  const hpLast30 = hpYear.filter((h) => h.day > isoDay(endMs - 30 * DAY_MS)).map((h) => h.usd);
  const hpLast7 = hpYear.filter((h) => h.day > isoDay(endMs - 7 * DAY_MS)).map((h) => h.usd);

  return {
    metrics,
    coverage,
    range,
    points,
    resolution,
    averages: { ...averages, hashprice: { avg7: mean(hpLast7), avg30: mean(hpLast30) } },
    ratio: metrics.difficulty / 1e12 / (metrics.btcPriceUsd / 1000),
    mpi: { value: profitabilityIndex(metrics.hashprice.usdPerPhDay, hpValues), median: median(hpValues), days: hpValues.length },
    fleet: { ...REFERENCE_FLEET, ...referenceFleetMargin({ ...REFERENCE_FLEET, hashpriceUsdPerPhDay: metrics.hashprice.usdPerPhDay }) },
  };
}

export type NetworkAnalytics = Awaited<ReturnType<typeof loadNetworkAnalytics>>;
