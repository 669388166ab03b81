import type { DailyRow } from '@/db/queries/market/snapshots';
import type { MarketConfig } from './config';
import { fetchJson } from './http';

/*
 * Daily history from the public APIs, for `npm run market:backfill`: closes from CoinGecko's
 * market chart, hashrate and difficulty from mempool.space's mining hashrate series, mean fees per
 * block from its block-fee series. A day a source does not cover keeps null in that column.
 */

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** mempool.space's timespans: the shortest one covering `days`. */
export function mempoolSpan(days: number): string {
  return days <= 30 ? '1m' : days <= 90 ? '3m' : days <= 180 ? '6m' : days <= 365 ? '1y' : days <= 730 ? '2y' : days <= 1095 ? '3y' : 'all';
}

export async function fetchDailyHistory(c: MarketConfig, days: number, now = new Date()): Promise<DailyRow[]> {
  const span = mempoolSpan(days);
  const [chart, mining, fees] = await Promise.all([
    fetchJson<{ prices?: [number, number][] }>(`${c.coingeckoUrl}/api/v3/coins/bitcoin/market_chart?vs_currency=usd&days=${days}&interval=daily`, c.fetch),
    fetchJson<{ hashrates?: { timestamp: number; avgHashrate: number }[]; difficulty?: { time: number; difficulty: number }[] }>(`${c.mempoolUrl}/api/v1/mining/hashrate/${span}`, c.fetch),
    fetchJson<{ timestamp: number; avgFees: number }[]>(`${c.mempoolUrl}/api/v1/mining/blocks/fees/${span}`, c.fetch),
  ]);
  const first = day(now.getTime() - (days - 1) * 86_400_000);
  const rows = new Map<string, DailyRow>();
  const row = (d: string) => {
    let r = rows.get(d);
    if (!r) {
      r = { day: d, priceOpenUsd: null, priceHighUsd: null, priceLowUsd: null, priceCloseUsd: null, difficulty: null, networkHashrateHs: null, feesPerBlockBtc: null, source: 'backfill: price coingecko; difficulty, hashrate, fees mempool.space' };
      rows.set(d, r);
    }
    return r;
  };
  // CoinGecko's daily points are at 00:00 UTC and carry the previous day's close.
  for (const [ms, price] of chart.prices ?? []) if (Number.isFinite(price) && price > 0) row(day(ms - 1)).priceCloseUsd = price;
  for (const h of mining.hashrates ?? []) if (h.avgHashrate > 0) row(day(h.timestamp * 1000)).networkHashrateHs = h.avgHashrate;
  const epochs = [...(mining.difficulty ?? [])].sort((a, b) => a.time - b.time);
  for (const r of rows.values()) {
    const end = Date.parse(r.day) / 1000 + 86_400;
    const epoch = epochs.filter((e) => e.time < end).at(-1);
    if (epoch) r.difficulty = epoch.difficulty;
  }
  const feeDays = new Map<string, number[]>();
  for (const f of Array.isArray(fees) ? fees : []) if (f.avgFees >= 0) feeDays.set(day(f.timestamp * 1000), [...(feeDays.get(day(f.timestamp * 1000)) ?? []), f.avgFees]);
  for (const [d, list] of feeDays) row(d).feesPerBlockBtc = list.reduce((a, b) => a + b, 0) / list.length / 1e8;
  return [...rows.values()].filter((r) => r.day >= first && r.day < day(now.getTime())).sort((a, b) => a.day.localeCompare(b.day));
}
