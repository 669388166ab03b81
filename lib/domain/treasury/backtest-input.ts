import { AppError } from '@/lib/core/errors';
import { SATS_PER_BTC, TWO_POW_32 } from '@/lib/domain/mining/constants';
import { btcPerDayByDifficulty } from '@/lib/domain/mining/revenue';
import type { BacktestDay } from './backtest';

/*
 * The days a backtest runs over, from stored history and a fleet spec. Production is modelled with
 * the calculator's difficulty formula (lib/domain/mining/revenue.ts) on each day's difficulty,
 * subsidy and fees per block, so a period across block 840,000 sees the subsidy halve. A day with
 * no stored close or difficulty is never filled in: the whole request fails with the missing ranges.
 */

/** One stored day of network history (the `networkDays` query's shape). */
export type HistoryDay = {
  day: string;
  difficulty: number;
  blocks: number | null;
  feesBtc: number | null;
  subsidyBtc: number;
  epochHashrateHs: number | null;
};

export type FleetLine = { model: string; count: number; hashrateThs: number; powerW: number; usdPerKwh: number };

export type ProductionModel = {
  fleet: readonly FleetLine[];
  /** Pool fee taken from the gross, basis points (FPPS ~250). */
  poolFeeBps: number;
  /** Share of the day the fleet hashes and draws power, basis points. */
  uptimeBps: number;
  /** Hosting and other costs per month besides energy, spread evenly over the month's days. */
  otherCostsCentsPerMonth: number;
};

/** Fees per block may be carried from the last known day over at most this many days (the bundle's August 2025 gap is 6). */
export const MAX_FEE_CARRY_DAYS = 7;

export type BuiltDays = { days: BacktestDay[]; feesCarriedDays: string[] };
export type MissingRange = { kind: 'price' | 'network' | 'fees' | 'pool'; from: string; to: string };

export function eachDay(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`), end = Date.parse(`${to}T00:00:00Z`); t <= end; t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

/** Consecutive days in `days` (sorted) folded into [from, to] ranges. */
export function toRanges(days: readonly string[]): Array<{ from: string; to: string }> {
  const out: Array<{ from: string; to: string }> = [];
  for (const d of days) {
    const last = out.at(-1);
    if (last && Date.parse(`${d}T00:00:00Z`) - Date.parse(`${last.to}T00:00:00Z`) === 86_400_000) last.to = d;
    else out.push({ from: d, to: d });
  }
  return out;
}

export function missingHistory(missing: MissingRange[]): AppError {
  const text = missing.map((m) => `${m.kind} ${m.from}..${m.to}`).join(', ');
  return new AppError('HISTORY_MISSING', `no stored history for ${text}`, undefined, { details: { missing } });
}

const daysInMonth = (day: string) => new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)), 0)).getUTCDate();

/** Day d of an n-day month carries ⌊total·d/n⌋ − ⌊total·(d−1)/n⌋, so a whole month sums to the total exactly. */
function spreadCents(totalCents: number, day: string): number {
  const n = daysInMonth(day);
  const d = Number(day.slice(8, 10));
  return Math.floor((totalCents * d) / n) - Math.floor((totalCents * (d - 1)) / n);
}

/**
 * Days from..to with the close (USD, stored) in cents, the modelled production in sats
 * (⌊H · 86400 · (subsidy + fees/block) / (D · 2³²) · (1 − pool fee) · uptime · 1e8⌋), energy
 * cost in cents (Σ count · W · 24 h · $/kWh · uptime, rounded to the cent) plus the other costs
 * spread over the month, and the hashprice in USD per PH/s per day.
 * With `poolSatsByDay` (the pool's daily earnings), production is those real sats instead, and a
 * day the pool has no earnings record for is a missing range like a missing price.
 * Fees per block = the day's fees / its blocks (the epoch's implied block count where the day's is
 * not known); a day without fees takes the last known day's, for at most MAX_FEE_CARRY_DAYS, and
 * `feesCarriedDays` names each such day.
 */
export function buildBacktestDays(range: { from: string; to: string }, history: readonly HistoryDay[], closesUsd: ReadonlyMap<string, number>, model: ProductionModel, poolSatsByDay?: ReadonlyMap<string, number>): BuiltDays {
  const wanted = eachDay(range.from, range.to);
  const byDay = new Map(history.map((h) => [h.day, h]));
  const noPrice = wanted.filter((d) => !closesUsd.has(d));
  const noNetwork = wanted.filter((d) => !byDay.has(d));
  const noPool = poolSatsByDay ? wanted.filter((d) => !poolSatsByDay.has(d)) : [];
  const missing: MissingRange[] = [
    ...toRanges(noPrice).map((r) => ({ kind: 'price' as const, ...r })),
    ...toRanges(noNetwork).map((r) => ({ kind: 'network' as const, ...r })),
    ...toRanges(noPool).map((r) => ({ kind: 'pool' as const, ...r })),
  ];
  if (missing.length) throw missingHistory(missing);

  const uptime = model.uptimeBps / 10_000;
  const hashrateHs = model.fleet.reduce((s, f) => s + f.count * f.hashrateThs * 1e12, 0) * uptime;
  const energyCentsPerDay = Math.round(model.fleet.reduce((s, f) => s + ((f.count * f.powerW * 24) / 1000) * f.usdPerKwh * 100, 0) * uptime);
  const keep = 1 - model.poolFeeBps / 10_000;

  // The last known fees per block before the period, so its first days may carry too.
  let lastFees: { perBlock: number; day: string } | null = null;
  const firstIdx = history.findIndex((h) => h.day >= range.from);
  for (let i = Math.max(0, firstIdx - MAX_FEE_CARRY_DAYS); i < firstIdx; i++) {
    const f = feesPerBlock(history[i]!);
    if (f !== null) lastFees = { perBlock: f, day: history[i]!.day };
  }
  const carried: string[] = [];
  const days = wanted.map((day) => {
    const h = byDay.get(day)!;
    let fpb = feesPerBlock(h);
    if (fpb === null) {
      if (!lastFees || Date.parse(day) - Date.parse(lastFees.day) > MAX_FEE_CARRY_DAYS * 86_400_000) {
        throw missingHistory([{ kind: 'fees', from: day, to: day }]);
      }
      fpb = lastFees.perBlock;
      carried.push(day);
    } else lastFees = { perBlock: fpb, day };
    const close = closesUsd.get(day)!;
    const btc = hashrateHs > 0 ? btcPerDayByDifficulty({ hashrateHs, difficulty: h.difficulty, blockRewardBtc: h.subsidyBtc, feesPerBlockBtc: fpb }) * keep : 0;
    return {
      day,
      closeCentsPerBtc: Math.round(close * 100),
      producedSats: poolSatsByDay ? poolSatsByDay.get(day)! : Math.floor(btc * SATS_PER_BTC),
      costsCents: energyCentsPerDay + spreadCents(model.otherCostsCentsPerMonth, day),
      hashpriceUsdPerPhDay: ((1e15 * 86_400 * (h.subsidyBtc + fpb)) / (h.difficulty * TWO_POW_32)) * close,
    };
  });
  return { days, feesCarriedDays: carried };
}

function feesPerBlock(h: HistoryDay): number | null {
  if (h.feesBtc === null) return null;
  const blocks = h.blocks ?? (h.epochHashrateHs === null ? null : (h.epochHashrateHs * 86_400) / (h.difficulty * TWO_POW_32));
  return blocks !== null && blocks > 0 ? h.feesBtc / blocks : null;
}
