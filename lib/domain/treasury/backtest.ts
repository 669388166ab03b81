import { computeMetrics, type Metrics } from './metrics';
import { type Costs, type Fill, satsForNetCents, sellSats } from './sale';
import { makeRule, type Period, type StrategyParams } from './strategies';

/*
 * The backtest: one pass over consecutive UTC days per template. Each day, in this order: the day's
 * production is added to the BTC held, its costs are paid from cash (cash may go below zero: that
 * is the funding the strategy left the farm short of, shown as such), the rule sells at the day's
 * close less slippage and fee, and the day ends marked at its close. Integer sats and cents throughout.
 */

export type BacktestDay = {
  day: string;
  closeCentsPerBtc: number;
  producedSats: number;
  costsCents: number;
  hashpriceUsdPerPhDay: number | null;
};

export type BacktestStart = { btcSats: number; cashCents: number };

export type Trade = Fill & { day: string };

export type BacktestRun = {
  params: StrategyParams;
  trades: Trade[];
  /** Per day, parallel to the input days. */
  equityCents: number[];
  btcSats: number[];
  cashCents: number[];
  startEquityCents: number;
  metrics: Metrics;
  soldSats: number;
  grossCents: number;
  feeCents: number;
  netCents: number;
  /** Sats-weighted fill price of the sales (before fee): Σ gross · 1e8 / Σ sats; null without sales. */
  avgSellCentsPerBtc: number | null;
  /** The lowest cash balance of the run (negative: costs the sales did not fund). */
  minCashCents: number;
};

type Calendar = { startsPeriod: Record<Period, boolean>; endsMonth: boolean }[];

/** Period boundaries of a run of consecutive days, worked out once and shared by every template. */
export function calendarOf(days: readonly { day: string }[]): Calendar {
  return days.map((d, i) => ({
    startsPeriod: {
      day: true,
      week: i === 0 || new Date(`${d.day}T00:00:00Z`).getUTCDay() === 1,
      month: i === 0 || d.day.endsWith('-01'),
    },
    endsMonth: i === days.length - 1 || days[i + 1]!.day.slice(0, 7) !== d.day.slice(0, 7),
  }));
}

const markCents = (sats: number, close: number) => Number((BigInt(sats) * BigInt(close)) / 100_000_000n);

export function runBacktest(params: StrategyParams, days: readonly BacktestDay[], start: BacktestStart, costs: Costs, calendar: Calendar = calendarOf(days)): BacktestRun {
  const rule = makeRule(params);
  const n = days.length;
  const equityCents = new Array<number>(n);
  const btcSats = new Array<number>(n);
  const cashCents = new Array<number>(n);
  const trades: Trade[] = [];
  let btc = start.btcSats;
  let cash = start.cashCents;
  let minCash = cash;
  let monthCosts = 0;
  let totalCosts = 0;
  let produced = 0;
  for (let i = 0; i < n; i++) {
    const d = days[i]!;
    const cal = calendar[i]!;
    if (cal.startsPeriod.month) monthCosts = 0;
    btc += d.producedSats;
    produced += d.producedSats;
    cash -= d.costsCents;
    monthCosts += d.costsCents;
    totalCosts += d.costsCents;
    const orders = rule({
      day: d.day,
      closeCentsPerBtc: d.closeCentsPerBtc,
      producedSats: d.producedSats,
      btcSats: btc,
      monthCostsCents: monthCosts,
      costBasisCentsPerBtc: produced > 0 ? Number((BigInt(totalCosts) * 100_000_000n) / BigInt(produced)) : null,
      hashpriceUsdPerPhDay: d.hashpriceUsdPerPhDay,
      startsPeriod: cal.startsPeriod,
      endsMonth: cal.endsMonth,
    });
    for (const o of orders) {
      const want = 'sats' in o ? o.sats : satsForNetCents(o.netCents, d.closeCentsPerBtc, costs);
      const sats = Math.min(want, btc);
      if (sats <= 0) continue;
      const fill = sellSats(sats, d.closeCentsPerBtc, costs);
      btc -= sats;
      cash += fill.netCents;
      trades.push({ day: d.day, ...fill });
    }
    if (cash < minCash) minCash = cash;
    btcSats[i] = btc;
    cashCents[i] = cash;
    equityCents[i] = cash + markCents(btc, d.closeCentsPerBtc);
  }
  const startEquityCents = start.cashCents + (n ? markCents(start.btcSats, days[0]!.closeCentsPerBtc) : 0);
  let soldSats = 0;
  let grossCents = 0;
  let feeCents = 0;
  for (const t of trades) {
    soldSats += t.sats;
    grossCents += t.grossCents;
    feeCents += t.feeCents;
  }
  return {
    params,
    trades,
    equityCents,
    btcSats,
    cashCents,
    startEquityCents,
    metrics: computeMetrics(startEquityCents, equityCents),
    soldSats,
    grossCents,
    feeCents,
    netCents: grossCents - feeCents,
    avgSellCentsPerBtc: soldSats > 0 ? Math.round((grossCents * 1e8) / soldSats) : null,
    minCashCents: minCash,
  };
}

/**
 * The period's time-weighted average price: the mean of the daily closes, in cents. The bundled
 * candles carry no volume, so a true volume-weighted price cannot be computed; the page says so.
 */
export function twapCentsPerBtc(days: readonly BacktestDay[]): number | null {
  if (!days.length) return null;
  let sum = 0;
  for (const d of days) sum += d.closeCentsPerBtc;
  return Math.round(sum / days.length);
}

/** Every template over the same days (one calendar), in the order given. */
export function compareStrategies(list: readonly StrategyParams[], days: readonly BacktestDay[], start: BacktestStart, costs: Costs): BacktestRun[] {
  const cal = calendarOf(days);
  return list.map((p) => runBacktest(p, days, start, costs, cal));
}
