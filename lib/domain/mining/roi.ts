import { BLOCKS_PER_DAY, DAYS_PER_MONTH, nextHalvingHeight, subsidyBtcAtHeight, TARGET_BLOCK_SECONDS } from './constants';
import { computeEconomics, type EconomicsInput } from './economics';

/*
 * ROI projection month by month (REFERENCE §1). Assumptions, stated so they can be checked:
 *  - a month is 30.4375 days (4,383 blocks); difficulty and price move once a month by compound growth
 *    (difficulty really steps every 2016 blocks ≈ 14 days; a monthly step is close enough for a plan);
 *  - the network hashrate follows difficulty, so both algorithms stay comparable;
 *  - blocks arrive every 10 minutes, so the halving falls at an estimated date, and a month that
 *    straddles it is paid the block-weighted mean of the two subsidies;
 *  - money is integer cents: each month's revenue, power and fee are rounded to the cent once, and
 *    everything after (net, cumulative, totals) is exact integer arithmetic on those;
 *  - miners run every month, unless `switchOffWhenUnprofitable`: then a month whose operating net
 *    (revenue − power) is negative is a month switched off — no revenue, no power. The flat hosting fee
 *    is a contract, not a meter, so it stays due (a month off adds −fee, which is 0 without a fee).
 */

export const ROI_MIN_MONTHS = 6;
export const ROI_MAX_MONTHS = 60;
export const MAX_SCENARIOS = 4;

export type RoiInput = {
  /** Today's values; `blockRewardBtc` is replaced by the subsidy at each month's heights. */
  economics: EconomicsInput;
  months: number;
  difficultyGrowthPctPerMonth: number;
  priceGrowthPctPerMonth: number;
  blockHeight: number;
  now: Date;
  switchOffWhenUnprofitable?: boolean;
  /**
   * A forecast scenario (forecast-scenario.ts): multipliers of today's price and difficulty for the
   * first months, index 0 = month 1. Past the last one, the monthly growth assumptions carry on
   * from it; without a path, the growth assumptions apply from today.
   */
  path?: MonthFactors;
};

/** Multipliers of today's values, one per month from the first; each array may be shorter than the horizon. */
export type MonthFactors = { price: number[]; difficulty: number[] };

/** Month m's multiplier: the path's where it reaches, then compound growth from its last value. */
function factorAt(path: number[] | undefined, m: number, growth: number): number {
  if (!path?.length) return growth ** m;
  if (m < path.length) return path[m]!;
  return path.at(-1)! * growth ** (m - path.length + 1);
}

export type RoiMonth = {
  month: number;
  startsAt: string;
  difficulty: number;
  btcPriceUsd: number;
  blockRewardBtc: number;
  /** What the miners would earn and draw running all month (also for a month switched off). */
  revenueBtc: number;
  revenueCents: number;
  powerCostCents: number;
  hostingFeeCents: number;
  /** False when the month is switched off (only with `switchOffWhenUnprofitable`). */
  running: boolean;
  /** What the month adds: revenue − power − fee running, −fee switched off. */
  netCents: number;
  /** Net so far minus the capex. */
  cumulativeCents: number;
};

export type RoiResult = {
  months: RoiMonth[];
  /** The month (1-based) from which the cumulative result stays ≥ 0 to the horizon; null when the capex is not repaid by then. */
  paybackMonth: number | null;
  totalNetCents: number;
  /** Cumulative result at the horizon / capex; null without capex. */
  roiPct: number | null;
  /** How many months the miners are off (0 unless `switchOffWhenUnprofitable`). */
  monthsOff: number;
  halving: { height: number; estimatedAt: string; month: number | null };
};

const DAY_MS = 86_400_000;

/**
 * Dollars to whole cents, half away from zero. The float is first snapped to a millionth of a cent,
 * so a value that is exactly half a cent on paper (2,191.5 × 100) rounds the same whichever way the
 * float product fell.
 */
export function usdToCents(usd: number): number {
  const micro = Math.round(usd * 1e8);
  return Math.sign(micro) * Math.round(Math.abs(micro) / 1e6);
}

/**
 * The height now, from a height observed at `observedAt` and 10-minute blocks: a snapshot can be
 * old (the bundled one is), and the projection must start from today, not from its date.
 */
export function estimateHeightAt(height: number, observedAt: Date, now: Date): number {
  return height + Math.max(0, Math.floor((now.getTime() - observedAt.getTime()) / (TARGET_BLOCK_SECONDS * 1000)));
}

/** The mean subsidy over the blocks mined between two (fractional) heights. */
export function meanSubsidyBtc(fromHeight: number, toHeight: number): number {
  if (toHeight <= fromHeight) return subsidyBtcAtHeight(Math.floor(fromHeight));
  let total = 0;
  let h = fromHeight;
  while (h < toHeight) {
    const end = Math.min(toHeight, nextHalvingHeight(Math.floor(h)));
    total += (end - h) * subsidyBtcAtHeight(Math.floor(h));
    h = end;
  }
  return total / (toHeight - fromHeight);
}

export function projectRoi(input: RoiInput): RoiResult {
  if (!(input.months >= ROI_MIN_MONTHS && input.months <= ROI_MAX_MONTHS)) throw new RangeError('months out of range');
  const e = input.economics;
  const dg = 1 + input.difficultyGrowthPctPerMonth / 100;
  const pg = 1 + input.priceGrowthPctPerMonth / 100;
  const blocksPerMonth = DAYS_PER_MONTH * BLOCKS_PER_DAY;
  const halvingHeight = nextHalvingHeight(input.blockHeight);
  const halvingMonth = Math.floor((halvingHeight - input.blockHeight) / blocksPerMonth);

  const capexCents = usdToCents(e.capexUsd);
  const months: RoiMonth[] = [];
  let cumulative = -capexCents;
  for (let m = 0; m < input.months; m++) {
    const from = input.blockHeight + m * blocksPerMonth;
    const blockRewardBtc = meanSubsidyBtc(from, from + blocksPerMonth);
    const df = factorAt(input.path?.difficulty, m, dg);
    const difficulty = e.difficulty * df;
    const btcPriceUsd = e.btcPriceUsd * factorAt(input.path?.price, m, pg);
    const r = computeEconomics({ ...e, difficulty, networkHashrateHs: e.networkHashrateHs * df, btcPriceUsd, blockRewardBtc });
    const revenueCents = usdToCents(r.monthly.revenueUsd);
    const powerCostCents = usdToCents(r.monthly.powerCostUsd);
    const hostingFeeCents = usdToCents(r.monthly.hostingFeeUsd);
    const running = !input.switchOffWhenUnprofitable || revenueCents - powerCostCents >= 0;
    const netCents = (running ? revenueCents - powerCostCents : 0) - hostingFeeCents;
    cumulative += netCents;
    months.push({
      month: m + 1,
      startsAt: new Date(input.now.getTime() + m * DAYS_PER_MONTH * DAY_MS).toISOString(),
      difficulty,
      btcPriceUsd,
      blockRewardBtc,
      revenueBtc: r.monthly.revenueBtc,
      revenueCents,
      powerCostCents,
      hostingFeeCents,
      running,
      netCents,
      cumulativeCents: cumulative,
    });
  }
  return {
    months,
    paybackMonth: capexCents > 0 ? paybackMonth(months) : null,
    totalNetCents: cumulative + capexCents,
    roiPct: capexCents > 0 ? (cumulative / capexCents) * 100 : null,
    monthsOff: months.filter((m) => !m.running).length,
    halving: {
      height: halvingHeight,
      estimatedAt: new Date(input.now.getTime() + (halvingHeight - input.blockHeight) * TARGET_BLOCK_SECONDS * 1000).toISOString(),
      month: halvingMonth < input.months ? halvingMonth + 1 : null,
    },
  };
}

/**
 * Payback is when the capex is repaid for good: a plan that is briefly in the black before the
 * halving and under water at the horizon has not paid back, whatever its best month was.
 */
function paybackMonth(months: RoiMonth[]): number | null {
  if (months.at(-1)!.cumulativeCents < 0) return null;
  let i = months.length - 1;
  while (i > 0 && months[i - 1]!.cumulativeCents >= 0) i--;
  return months[i]!.month;
}

export const PRICE_STEPS_PCT = [-30, -15, 0, 15, 30];
export const DIFFICULTY_STEPS_PCT = [-10, 0, 10, 20, 30];

export type SensitivityCell = { pricePct: number; difficultyPct: number; cumulativeCents: number; paybackMonth: number | null };

/** The horizon's cumulative result when today's price and difficulty are shifted by each pair of steps. */
export function sensitivityGrid(input: RoiInput, priceSteps = PRICE_STEPS_PCT, difficultySteps = DIFFICULTY_STEPS_PCT): SensitivityCell[][] {
  return difficultySteps.map((difficultyPct) =>
    priceSteps.map((pricePct) => {
      const f = 1 + difficultyPct / 100;
      const economics = { ...input.economics, btcPriceUsd: input.economics.btcPriceUsd * (1 + pricePct / 100), difficulty: input.economics.difficulty * f, networkHashrateHs: input.economics.networkHashrateHs * f };
      const r = projectRoi({ ...input, economics });
      return { pricePct, difficultyPct, cumulativeCents: r.months.at(-1)!.cumulativeCents, paybackMonth: r.paybackMonth };
    }),
  );
}

/** Up to four scenarios (models or assumptions) projected side by side. */
export function compareScenarios(inputs: RoiInput[]): RoiResult[] {
  if (inputs.length < 1 || inputs.length > MAX_SCENARIOS) throw new RangeError('between 1 and 4 scenarios');
  return inputs.map(projectRoi);
}
