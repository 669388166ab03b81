import { DAYS_PER_MONTH, TH } from './constants';
import { DISAGREEMENT_RATIO, dualAlgorithmBtcPerDay } from './revenue';

/*
 * Per-day economics of a group of identical miners (REFERENCE §1). Full float precision throughout;
 * callers round to cents only when they display a figure.
 *
 * Payout schemes, as treated here (all three have the same *expected* value over a long period):
 *  - FPPS pays the expected subsidy + the expected fees on every share: revenue = E[R + F] · (1 − fee).
 *  - PPS+ pays the expected subsidy per share and the fees of the blocks the pool actually finds; its
 *    expectation equals FPPS when `feesPerBlockBtc` is the recent average, so it is computed the same
 *    way and only its fee part varies in practice.
 *  - PPLNS pays from the blocks the pool finds, so it carries the pool's luck: the expected value is
 *    multiplied by `pplnsLuckPct` / 100 (100 = average luck, the default).
 */

export const PAYOUT_SCHEMES = ['FPPS', 'PPS_PLUS', 'PPLNS'] as const;
export type PayoutScheme = (typeof PAYOUT_SCHEMES)[number];

export const DAYS_PER_YEAR = 12 * DAYS_PER_MONTH; // 365.25

export type EconomicsInput = {
  /** Per unit. */
  hashrateThs: number;
  /** Per unit, at the wall. */
  powerW: number;
  quantity: number;
  /** What the miner's owner pays per kWh (for a hosted client: the host's all-in price). */
  electricityUsdPerKwh: number;
  poolFeePct: number;
  payoutScheme: PayoutScheme;
  pplnsLuckPct?: number;
  /** A flat hosting/maintenance fee per unit per month, on top of electricity. */
  hostingFeeUsdPerUnitMonth: number;
  /** Share of the day the miners run (100 = always; curtailment lowers it). */
  uptimePct: number;
  btcPriceUsd: number;
  difficulty: number;
  networkHashrateHs: number;
  blockRewardBtc: number;
  feesPerBlockBtc: number;
  capexUsd: number;
  /** Hosting mode: what the site's own power costs the host, per kWh. */
  siteCostUsdPerKwh?: number | null;
  disagreementRatio?: number;
};

export type PeriodFigures = { revenueBtc: number; revenueUsd: number; powerCostUsd: number; hostingFeeUsd: number; netProfitUsd: number };

export type EconomicsResult = {
  daily: PeriodFigures;
  monthly: PeriodFigures;
  yearly: PeriodFigures;
  totalHashrateThs: number;
  totalPowerKw: number;
  energyKwhPerDay: number;
  /** Net profit / revenue; null when there is no revenue. */
  marginPct: number | null;
  /** The $/kWh at which net profit is zero (can be negative when fixed fees exceed revenue). */
  breakEvenElectricityUsdPerKwh: number;
  /** The BTC price at which net profit is zero; null when no BTC is earned. */
  breakEvenBtcPriceUsd: number | null;
  hashpriceBtcPerThDay: number;
  hashpriceUsdPerThDay: number;
  hashpriceUsdPerPhDay: number;
  efficiencyJPerTh: number;
  /** Days of net profit that repay the capex; null when there is no capex or no profit. */
  paybackDays: number | null;
  algorithms: {
    byDifficultyBtcPerDay: number;
    byNetworkShareBtcPerDay: number;
    byDifficultyUsdPerDay: number;
    byNetworkShareUsdPerDay: number;
    relativeDifference: number;
    ratio: number;
    disagrees: boolean;
  };
  hosting: { clientPaysUsdPerDay: number; siteCostUsdPerDay: number; hostMarginUsdPerDay: number; hostMarginPct: number | null } | null;
};

/** Resolves power from efficiency when only J/TH is known: W = TH/s × J/TH. */
export function powerFromEfficiency(hashrateThs: number, jPerTh: number): number {
  return hashrateThs * jPerTh;
}

export function computeEconomics(input: EconomicsInput): EconomicsResult {
  const uptime = input.uptimePct / 100;
  const keep = (1 - input.poolFeePct / 100) * (input.payoutScheme === 'PPLNS' ? (input.pplnsLuckPct ?? 100) / 100 : 1);
  const totalHashrateThs = input.hashrateThs * input.quantity;
  const dual = dualAlgorithmBtcPerDay(
    {
      hashrateHs: totalHashrateThs * TH,
      difficulty: input.difficulty,
      networkHashrateHs: input.networkHashrateHs,
      blockRewardBtc: input.blockRewardBtc,
      feesPerBlockBtc: input.feesPerBlockBtc,
    },
    input.disagreementRatio ?? DISAGREEMENT_RATIO,
  );
  const byDifficulty = dual.byDifficultyBtc * uptime * keep;
  const byNetworkShare = dual.byNetworkShareBtc * uptime * keep;

  const totalPowerKw = (input.powerW * input.quantity) / 1000;
  const energyKwhPerDay = totalPowerKw * 24 * uptime;
  const revenueBtc = byDifficulty;
  const revenueUsd = revenueBtc * input.btcPriceUsd;
  const powerCostUsd = energyKwhPerDay * input.electricityUsdPerKwh;
  const hostingFeeUsd = (input.hostingFeeUsdPerUnitMonth * input.quantity) / DAYS_PER_MONTH;
  const daily: PeriodFigures = { revenueBtc, revenueUsd, powerCostUsd, hostingFeeUsd, netProfitUsd: revenueUsd - powerCostUsd - hostingFeeUsd };

  const hashpriceBtc = totalHashrateThs > 0 ? dual.byDifficultyBtc / totalHashrateThs : 0;
  return {
    daily,
    monthly: scale(daily, DAYS_PER_MONTH),
    yearly: scale(daily, DAYS_PER_YEAR),
    totalHashrateThs,
    totalPowerKw,
    energyKwhPerDay,
    marginPct: revenueUsd > 0 ? (daily.netProfitUsd / revenueUsd) * 100 : null,
    breakEvenElectricityUsdPerKwh: energyKwhPerDay > 0 ? (revenueUsd - hostingFeeUsd) / energyKwhPerDay : 0,
    breakEvenBtcPriceUsd: revenueBtc > 0 ? (powerCostUsd + hostingFeeUsd) / revenueBtc : null,
    hashpriceBtcPerThDay: hashpriceBtc,
    hashpriceUsdPerThDay: hashpriceBtc * input.btcPriceUsd,
    hashpriceUsdPerPhDay: hashpriceBtc * input.btcPriceUsd * 1000,
    efficiencyJPerTh: input.hashrateThs > 0 ? input.powerW / input.hashrateThs : 0,
    paybackDays: input.capexUsd > 0 && daily.netProfitUsd > 0 ? input.capexUsd / daily.netProfitUsd : null,
    algorithms: {
      byDifficultyBtcPerDay: byDifficulty,
      byNetworkShareBtcPerDay: byNetworkShare,
      byDifficultyUsdPerDay: byDifficulty * input.btcPriceUsd,
      byNetworkShareUsdPerDay: byNetworkShare * input.btcPriceUsd,
      relativeDifference: dual.relativeDifference,
      ratio: dual.ratio,
      disagrees: dual.disagrees,
    },
    hosting: input.siteCostUsdPerKwh == null ? null : hostingMargin(energyKwhPerDay, input.electricityUsdPerKwh, input.siteCostUsdPerKwh, hostingFeeUsd),
  };
}

/** The host's side: the client pays the hosting price per kWh plus the flat fee; the host pays the site's cost. */
function hostingMargin(kwhPerDay: number, clientUsdPerKwh: number, siteUsdPerKwh: number, feeUsdPerDay: number) {
  const clientPaysUsdPerDay = kwhPerDay * clientUsdPerKwh + feeUsdPerDay;
  const siteCostUsdPerDay = kwhPerDay * siteUsdPerKwh;
  const hostMarginUsdPerDay = clientPaysUsdPerDay - siteCostUsdPerDay;
  return { clientPaysUsdPerDay, siteCostUsdPerDay, hostMarginUsdPerDay, hostMarginPct: clientPaysUsdPerDay > 0 ? (hostMarginUsdPerDay / clientPaysUsdPerDay) * 100 : null };
}

function scale(d: PeriodFigures, days: number): PeriodFigures {
  return {
    revenueBtc: d.revenueBtc * days,
    revenueUsd: d.revenueUsd * days,
    powerCostUsd: d.powerCostUsd * days,
    hostingFeeUsd: d.hostingFeeUsd * days,
    netProfitUsd: d.netProfitUsd * days,
  };
}
