import { computeEconomics, type EconomicsInput } from './economics';
import { projectRoi, type RoiInput, type RoiResult } from './roi';

/*
 * A plain-language account of what drives a calculator result's payback (issue 17 part 4). The
 * module returns message keys and typed values, never sentences: the page renders each line with
 * `Calculator.explain.<key>` in the reader's language and formats each value by its kind, so every
 * number shown is one computed here from the same projection the page draws.
 *
 *  - sensitivity: each driver moved ±10 % alone, the rest as entered; ranked by the larger change of
 *    the horizon's cumulative result. Difficulty moves the network hashrate with it (as the ROI grid
 *    does); hashrate moves the machine's TH/s at the same power (a tune or a derate); fees are the
 *    network's transaction fees per block, not the pool's fee;
 *  - break-even: the BTC price and the electricity price at which today's day nets zero (economics.ts);
 *  - halving: whether the projection crosses the next halving, before or after payback, and the
 *    month's net on either side of it;
 *  - difficulty: the monthly difficulty growth up to which the capex is still repaid within the
 *    horizon, found by bisection to 0.1 %/month (searched from −20 % to +100 %);
 *  - forecast: the payback under the stored forecast's median and band ends, when there is one.
 */

export type ExplainValue =
  | { kind: 'cents'; value: number }
  /** A change, shown with its sign. */
  | { kind: 'deltaCents'; value: number }
  | { kind: 'count'; value: number }
  | { kind: 'usd'; value: number }
  | { kind: 'usdPerKwh'; value: number }
  | { kind: 'pct'; value: number }
  /** A month of the projection; null = not repaid within the horizon. */
  | { kind: 'month'; value: number | null }
  | { kind: 'date'; value: string };

export type ExplainLine = { key: string; values: Record<string, ExplainValue> };

export const DRIVERS = ['price', 'difficulty', 'electricity', 'hashrate', 'fees'] as const;
export type Driver = (typeof DRIVERS)[number];

export type DriverEffect = { driver: Driver; upCents: number; downCents: number; upPayback: number | null; downPayback: number | null };

export type Explanation = { drivers: DriverEffect[]; lines: ExplainLine[] };

export type ForecastPaybacks = { central: number | null; low95: number | null; high95: number | null; low80: number | null; high80: number | null };

const STEP = 0.1;

function shifted(e: EconomicsInput, driver: Driver, f: number): EconomicsInput {
  switch (driver) {
    case 'price':
      return { ...e, btcPriceUsd: e.btcPriceUsd * f };
    case 'difficulty':
      return { ...e, difficulty: e.difficulty * f, networkHashrateHs: e.networkHashrateHs * f };
    case 'electricity':
      return { ...e, electricityUsdPerKwh: e.electricityUsdPerKwh * f };
    case 'hashrate':
      return { ...e, hashrateThs: e.hashrateThs * f };
    case 'fees':
      return { ...e, feesPerBlockBtc: e.feesPerBlockBtc * f };
  }
}

const endOf = (r: RoiResult) => r.months.at(-1)!.cumulativeCents;

/** Each driver ±10 %, ranked by the larger absolute change of the horizon's cumulative result (ties keep DRIVERS order). */
export function driverEffects(input: RoiInput, base: RoiResult): DriverEffect[] {
  const end = endOf(base);
  const effects = DRIVERS.map((driver) => {
    const up = projectRoi({ ...input, economics: shifted(input.economics, driver, 1 + STEP) });
    const down = projectRoi({ ...input, economics: shifted(input.economics, driver, 1 - STEP) });
    return { driver, upCents: endOf(up) - end, downCents: endOf(down) - end, upPayback: up.paybackMonth, downPayback: down.paybackMonth };
  });
  const size = (d: DriverEffect) => Math.max(Math.abs(d.upCents), Math.abs(d.downCents));
  return effects.map((d, i) => ({ d, i })).sort((a, b) => size(b.d) - size(a.d) || a.i - b.i).map((x) => x.d);
}

/** The highest monthly difficulty growth (to 0.1 %) at which payback still falls within the horizon; null when it fails at the search's floor, Infinity above its ceiling. */
export function maxDifficultyGrowthForPayback(input: RoiInput, lo = -20, hi = 100): number | null {
  const repaid = (g: number) => projectRoi({ ...input, difficultyGrowthPctPerMonth: g }).paybackMonth !== null;
  if (!repaid(lo)) return null;
  if (repaid(hi)) return Number.POSITIVE_INFINITY;
  // Invariant: repaid(lo) && !repaid(hi); the cumulative result falls as growth rises.
  while (hi - lo > 0.01) {
    const mid = (lo + hi) / 2;
    if (repaid(mid)) lo = mid;
    else hi = mid;
  }
  return Math.floor(lo * 10) / 10;
}

const cents = (value: number): ExplainValue => ({ kind: 'cents', value });
const month = (value: number | null): ExplainValue => ({ kind: 'month', value });
const count = (value: number): ExplainValue => ({ kind: 'count', value });
const delta = (value: number): ExplainValue => ({ kind: 'deltaCents', value });
const pct = (value: number): ExplainValue => ({ kind: 'pct', value });

export function explainRoi(input: RoiInput, base: RoiResult, forecast: ForecastPaybacks | null = null): Explanation {
  const lines: ExplainLine[] = [];
  const capex = input.economics.capexUsd > 0;
  const drivers = driverEffects(input, base);
  const top = drivers[0]!;

  if (!capex) lines.push({ key: 'noCapex', values: { end: cents(endOf(base)) } });
  else if (base.paybackMonth === null) lines.push({ key: 'notRepaid', values: { months: count(input.months), end: cents(endOf(base)) } });
  else lines.push({ key: 'repaid', values: { month: month(base.paybackMonth), months: count(input.months), end: cents(endOf(base)) } });

  lines.push({ key: `top.${top.driver}`, values: { up: delta(top.upCents), down: delta(top.downCents) } });

  const today = computeEconomics(input.economics);
  if (today.breakEvenBtcPriceUsd === null) lines.push({ key: 'breakEvenPriceNone', values: {} });
  else {
    const fall = (1 - today.breakEvenBtcPriceUsd / input.economics.btcPriceUsd) * 100;
    lines.push({ key: fall >= 0 ? 'breakEvenPrice' : 'breakEvenPriceAbove', values: { price: { kind: 'usd', value: today.breakEvenBtcPriceUsd }, current: { kind: 'usd', value: input.economics.btcPriceUsd }, pct: pct(Math.abs(fall)) } });
  }
  lines.push({
    key: today.breakEvenElectricityUsdPerKwh >= input.economics.electricityUsdPerKwh ? 'breakEvenPower' : 'breakEvenPowerBelow',
    values: { price: { kind: 'usdPerKwh', value: today.breakEvenElectricityUsdPerKwh }, current: { kind: 'usdPerKwh', value: input.economics.electricityUsdPerKwh } },
  });

  lines.push(halvingLine(base, input.months));
  lines.push(difficultyLine(input, base));

  if (forecast && capex) {
    lines.push({ key: 'forecast', values: { central: month(forecast.central), low95: month(forecast.low95), high95: month(forecast.high95), low80: month(forecast.low80), high80: month(forecast.high80) } });
  }
  return { drivers, lines };
}

function halvingLine(base: RoiResult, months: number): ExplainLine {
  const h = base.halving;
  const date: ExplainValue = { kind: 'date', value: h.estimatedAt };
  if (h.month === null) return { key: 'halvingBeyond', values: { date, months: count(months) } };
  const before = base.months[h.month - 2];
  const after = base.months[h.month];
  const values: Record<string, ExplainValue> = { date, month: month(h.month) };
  if (before) values.before = cents(before.netCents);
  if (after) values.after = cents(after.netCents);
  const crosses = base.paybackMonth === null || base.paybackMonth > h.month;
  const key = !before || !after ? 'halvingEdge' : crosses ? 'halvingBeforePayback' : 'halvingAfterPayback';
  return { key, values };
}

function difficultyLine(input: RoiInput, base: RoiResult): ExplainLine {
  const g = input.difficultyGrowthPctPerMonth;
  // The difficulty assumption alone (the halving apart): BTC per month in the last month vs the first.
  const btcDrop = (1 - (1 + g / 100) ** -(input.months - 1)) * 100;
  const values: Record<string, ExplainValue> = { growth: pct(g), months: count(input.months), drop: pct(btcDrop) };
  if (input.economics.capexUsd <= 0 || base.paybackMonth === null) return { key: 'difficulty', values };
  const max = maxDifficultyGrowthForPayback(input);
  if (max === null) return { key: 'difficulty', values };
  if (!Number.isFinite(max)) return { key: 'difficultyAnyGrowth', values };
  return { key: 'difficultyLimit', values: { ...values, max: pct(max) } };
}
