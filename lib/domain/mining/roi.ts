import { BLOCKS_PER_DAY, DAYS_PER_MONTH, nextHalvingHeight, subsidyBtcAtHeight, TARGET_BLOCK_SECONDS } from './constants';
import { computeEconomics, type EconomicsInput } from './economics';

/*
 * ROI projection month by month (REFERENCE §1). Assumptions, stated so they can be checked:
 *  - a month is 30.4375 days; difficulty and price move once a month by compound growth
 *    (difficulty really steps every 2016 blocks ≈ 14 days; a monthly step is close enough for a plan);
 *  - the network hashrate follows difficulty, so both algorithms stay comparable;
 *  - blocks arrive every 10 minutes, so the halving falls at an estimated date, and a month that
 *    straddles it is paid the block-weighted mean of the two subsidies;
 *  - miners keep running whatever the margin (a plan that switches off at a loss is a different plan).
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
};

export type RoiMonth = {
  month: number;
  startsAt: string;
  difficulty: number;
  btcPriceUsd: number;
  blockRewardBtc: number;
  revenueBtc: number;
  revenueUsd: number;
  costUsd: number;
  netProfitUsd: number;
  /** Net profit so far minus the capex. */
  cumulativeUsd: number;
};

export type RoiResult = {
  months: RoiMonth[];
  /** The first month (1-based) whose cumulative result is ≥ 0; null when the capex is not repaid in the horizon. */
  paybackMonth: number | null;
  totalNetUsd: number;
  /** Cumulative result at the horizon / capex; null without capex. */
  roiPct: number | null;
  halving: { height: number; estimatedAt: string; month: number | null };
};

const DAY_MS = 86_400_000;

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

  const months: RoiMonth[] = [];
  let cumulative = -e.capexUsd;
  let paybackMonth: number | null = null;
  for (let m = 0; m < input.months; m++) {
    const from = input.blockHeight + m * blocksPerMonth;
    const blockRewardBtc = meanSubsidyBtc(from, from + blocksPerMonth);
    const difficulty = e.difficulty * dg ** m;
    const btcPriceUsd = e.btcPriceUsd * pg ** m;
    const r = computeEconomics({ ...e, difficulty, networkHashrateHs: e.networkHashrateHs * dg ** m, btcPriceUsd, blockRewardBtc });
    const revenueUsd = r.monthly.revenueUsd;
    const costUsd = r.monthly.powerCostUsd + r.monthly.hostingFeeUsd;
    cumulative += r.monthly.netProfitUsd;
    if (paybackMonth === null && e.capexUsd > 0 && cumulative >= 0) paybackMonth = m + 1;
    months.push({
      month: m + 1,
      startsAt: new Date(input.now.getTime() + m * DAYS_PER_MONTH * DAY_MS).toISOString(),
      difficulty,
      btcPriceUsd,
      blockRewardBtc,
      revenueBtc: r.monthly.revenueBtc,
      revenueUsd,
      costUsd,
      netProfitUsd: r.monthly.netProfitUsd,
      cumulativeUsd: cumulative,
    });
  }
  return {
    months,
    paybackMonth,
    totalNetUsd: cumulative + e.capexUsd,
    roiPct: e.capexUsd > 0 ? (cumulative / e.capexUsd) * 100 : null,
    halving: {
      height: halvingHeight,
      estimatedAt: new Date(input.now.getTime() + (halvingHeight - input.blockHeight) * TARGET_BLOCK_SECONDS * 1000).toISOString(),
      month: halvingMonth < input.months ? halvingMonth + 1 : null,
    },
  };
}

export const PRICE_STEPS_PCT = [-30, -15, 0, 15, 30];
export const DIFFICULTY_STEPS_PCT = [-10, 0, 10, 20, 30];

export type SensitivityCell = { pricePct: number; difficultyPct: number; cumulativeUsd: number; paybackMonth: number | null };

/** The horizon's cumulative result when today's price and difficulty are shifted by each pair of steps. */
export function sensitivityGrid(input: RoiInput, priceSteps = PRICE_STEPS_PCT, difficultySteps = DIFFICULTY_STEPS_PCT): SensitivityCell[][] {
  return difficultySteps.map((difficultyPct) =>
    priceSteps.map((pricePct) => {
      const f = 1 + difficultyPct / 100;
      const economics = { ...input.economics, btcPriceUsd: input.economics.btcPriceUsd * (1 + pricePct / 100), difficulty: input.economics.difficulty * f, networkHashrateHs: input.economics.networkHashrateHs * f };
      const r = projectRoi({ ...input, economics });
      return { pricePct, difficultyPct, cumulativeUsd: r.months.at(-1)!.cumulativeUsd, paybackMonth: r.paybackMonth };
    }),
  );
}

/** Up to four scenarios (models or assumptions) projected side by side. */
export function compareScenarios(inputs: RoiInput[]): RoiResult[] {
  if (inputs.length < 1 || inputs.length > MAX_SCENARIOS) throw new RangeError('between 1 and 4 scenarios');
  return inputs.map(projectRoi);
}
