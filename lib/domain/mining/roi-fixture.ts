import { TWO_POW_32 } from './constants';
import type { EconomicsInput } from './economics';
import { impliedNetworkHashrateHs } from './revenue';
import type { RoiInput } from './roi';

/*
 * The hand-worked machine of the ROI tests (roi, explain, forecast-scenario): 100 TH/s at a difficulty
 * giving 0.001 BTC/day gross at R + F = 3.2, 2 % pool fee, $100,000/BTC, 72 kWh/day at $0.05, capex
 * $10,000. The day nets $94.40; a 30.4375-day month earns $98 × 30.4375 = $2,982.875 → 298,288 ¢ and
 * draws $3.60 × 30.4375 = $109.575 → 10,958 ¢ (half-cents round up): net 287,330 ¢.
 */
export const ROI_DIFFICULTY = (100e12 * 86_400 * 3.2) / (0.001 * TWO_POW_32);
export const ROI_ECONOMICS: EconomicsInput = {
  hashrateThs: 100,
  powerW: 3000,
  quantity: 1,
  electricityUsdPerKwh: 0.05,
  poolFeePct: 2,
  payoutScheme: 'FPPS',
  hostingFeeUsdPerUnitMonth: 0,
  uptimePct: 100,
  btcPriceUsd: 100_000,
  difficulty: ROI_DIFFICULTY,
  networkHashrateHs: impliedNetworkHashrateHs(ROI_DIFFICULTY),
  blockRewardBtc: 3.125,
  feesPerBlockBtc: 0.075,
  capexUsd: 10_000,
};
export const ROI_NOW = new Date('2026-01-01T00:00:00Z');
/** Twelve flat months from block 900,000. */
export const ROI_FLAT: RoiInput = { economics: ROI_ECONOMICS, months: 12, difficultyGrowthPctPerMonth: 0, priceGrowthPctPerMonth: 0, blockHeight: 900_000, now: ROI_NOW };
