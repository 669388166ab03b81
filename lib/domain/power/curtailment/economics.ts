import type { HourEconomics } from './types';

/** Expected revenue of a hashrate for one hour at a hashprice (USD per PH/s per day), after the pool fee. */
export function revenueUsdPerHour(hashrateThs: number, e: HourEconomics): number {
  return ((hashrateThs / 1000) * e.hashpriceUsdPerPhDay * (1 - (e.poolFeePct ?? 0) / 100)) / 24;
}

/** What a draw costs for one hour at the tariff. */
export function energyCostUsdPerHour(powerW: number, e: HourEconomics): number {
  return (powerW / 1000) * e.tariffUsdPerKwh;
}

/** Revenue minus energy cost of running at an operating point for one hour. */
export function netUsdPerHour(point: { powerW: number; hashrateThs: number }, e: HourEconomics): number {
  return revenueUsdPerHour(point.hashrateThs, e) - energyCostUsdPerHour(point.powerW, e);
}
