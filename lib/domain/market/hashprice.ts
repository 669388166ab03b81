import { hashpriceBtcPerThDay } from '../mining/revenue';

/** Hashprice per PH/s per day, the unit the industry quotes (Luxor). */
export function hashpricePerPhDay(input: { difficulty: number; blockRewardBtc: number; feesPerBlockBtc: number; btcPriceUsd: number }): { btc: number; usd: number } {
  const btc = hashpriceBtcPerThDay(input) * 1000;
  return { btc, usd: btc * input.btcPriceUsd };
}

/**
 * Mining Profitability Index: today's USD hashprice against the median of the last 365 days,
 * × 100. 100 = a typical day of the past year; 80 = 20 % less revenue per hash than usual.
 * Null without enough history (fewer than `minDays` days) rather than a number from too little data.
 */
export function profitabilityIndex(currentUsdPerPhDay: number, history: number[], minDays = 30): number | null {
  const m = median(history);
  if (m === null || history.length < minDays || m <= 0) return null;
  return (currentUsdPerPhDay / m) * 100;
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Relative change in per cent, null when there is no base to compare with. */
export function changePct(current: number | null, base: number | null): number | null {
  if (current === null || base === null || base === 0) return null;
  return ((current - base) / base) * 100;
}

/** A reference fleet's daily economics at a hashprice: revenue, power cost and margin. */
export function referenceFleetMargin(input: { hashpriceUsdPerPhDay: number; hashrateThs: number; powerW: number; usdPerKwh: number; poolFee: number }) {
  const revenueUsd = (input.hashpriceUsdPerPhDay / 1000) * input.hashrateThs * (1 - input.poolFee);
  const powerCostUsd = (input.powerW / 1000) * 24 * input.usdPerKwh;
  const profitUsd = revenueUsd - powerCostUsd;
  return { revenueUsd, powerCostUsd, profitUsd, marginPct: revenueUsd > 0 ? (profitUsd / revenueUsd) * 100 : null };
}

/** The reference fleet named in the dashboard and README: one Antminer S21 (200 TH/s, 3,500 W, REFERENCE §2) at $0.05/kWh, 2.5 % pool fee. */
export const REFERENCE_FLEET = { model: 'Antminer S21', hashrateThs: 200, powerW: 3500, usdPerKwh: 0.05, poolFee: 0.025 } as const;
