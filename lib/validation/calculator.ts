import { z } from './zod';
import { PAYOUT_SCHEMES } from '@/lib/domain/mining/economics';
import { ROI_MAX_MONTHS, ROI_MIN_MONTHS } from '@/lib/domain/mining/roi';

/*
 * One set of rules for the calculator form, the ROI page, batch rows and POST /api/calculator.
 * Inputs arrive as strings from forms and as numbers from JSON; both go through `num`. The bounds
 * are "absurd value" fences, not market opinions: wide enough for any real machine or tariff.
 */

type Bounds = { min: number; max: number; minExclusive?: boolean; int?: boolean };

function toNumber(v: unknown): unknown {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') {
    const s = v.trim().replace(/,/g, '');
    return s === '' ? undefined : Number(s);
  }
  return v;
}

function numberRule(b: Bounds) {
  let n = z.number({ error: (iss) => (iss.input === undefined ? 'required' : 'number') });
  if (b.int) n = n.int('number');
  n = b.minExclusive ? n.gt(b.min, b.min === 0 ? 'positive' : 'outOfRange') : n.gte(b.min, 'outOfRange');
  return n.lte(b.max, 'outOfRange');
}

export const num = (b: Bounds) => z.preprocess(toNumber, numberRule(b));
export const optNum = (b: Bounds) => z.preprocess(toNumber, numberRule(b).optional());

export const LIMITS = {
  hashrateThs: { min: 0, max: 100_000, minExclusive: true },
  powerW: { min: 0, max: 1_000_000, minExclusive: true },
  efficiencyJPerTh: { min: 1, max: 500 },
  quantity: { min: 1, max: 1_000_000, int: true },
  electricityUsdPerKwh: { min: 0, max: 10 },
  poolFeePct: { min: 0, max: 50 },
  pplnsLuckPct: { min: 1, max: 500 },
  hostingFeeUsdPerUnitMonth: { min: 0, max: 100_000 },
  uptimePct: { min: 0, max: 100 },
  btcPriceUsd: { min: 0, max: 100_000_000, minExclusive: true },
  difficulty: { min: 0, max: 1e18, minExclusive: true },
  networkHashrateEhs: { min: 0, max: 1e6, minExclusive: true },
  blockRewardBtc: { min: 0, max: 50 },
  feesPerBlockBtc: { min: 0, max: 100 },
  capexUsd: { min: 0, max: 1e10 },
  siteCostUsdPerKwh: { min: 0, max: 10 },
} satisfies Record<string, Bounds>;

const machine = {
  /** A catalogue model name; its nominal TH/s and W are used unless overridden. */
  model: z.string().trim().max(80, 'tooLong').optional(),
  hashrateThs: optNum(LIMITS.hashrateThs),
  powerW: optNum(LIMITS.powerW),
  efficiencyJPerTh: optNum(LIMITS.efficiencyJPerTh),
};

const terms = {
  quantity: z.preprocess((v) => toNumber(v) ?? 1, numberRule(LIMITS.quantity)),
  electricityUsdPerKwh: num(LIMITS.electricityUsdPerKwh),
  poolFeePct: z.preprocess((v) => toNumber(v) ?? 2.5, numberRule(LIMITS.poolFeePct)),
  payoutScheme: z.enum(PAYOUT_SCHEMES, { error: 'invalid' }).default('FPPS'),
  pplnsLuckPct: z.preprocess((v) => toNumber(v) ?? 100, numberRule(LIMITS.pplnsLuckPct)),
  hostingFeeUsdPerUnitMonth: z.preprocess((v) => toNumber(v) ?? 0, numberRule(LIMITS.hostingFeeUsdPerUnitMonth)),
  uptimePct: z.preprocess((v) => toNumber(v) ?? 100, numberRule(LIMITS.uptimePct)),
  capexUsd: z.preprocess((v) => toNumber(v) ?? 0, numberRule(LIMITS.capexUsd)),
  siteCostUsdPerKwh: optNum(LIMITS.siteCostUsdPerKwh),
};

/** Network values: optional for the API (missing ones come from the current snapshot). */
const networkOptional = {
  btcPriceUsd: optNum(LIMITS.btcPriceUsd),
  difficulty: optNum(LIMITS.difficulty),
  networkHashrateEhs: optNum(LIMITS.networkHashrateEhs),
  blockRewardBtc: optNum(LIMITS.blockRewardBtc),
  feesPerBlockBtc: optNum(LIMITS.feesPerBlockBtc),
};

/** A machine needs a catalogue model, or TH/s with W or J/TH. */
function requireMachine(v: { model?: string; hashrateThs?: number; powerW?: number; efficiencyJPerTh?: number }, ctx: z.RefinementCtx) {
  if (v.model) return;
  if (v.hashrateThs === undefined) ctx.addIssue({ code: 'custom', path: ['hashrateThs'], message: 'required' });
  if (v.powerW === undefined && v.efficiencyJPerTh === undefined) ctx.addIssue({ code: 'custom', path: ['powerW'], message: 'required' });
}

export const calculatorApiSchema = z.object({ ...machine, ...terms, ...networkOptional }).superRefine(requireMachine);
export type CalculatorApiInput = z.infer<typeof calculatorApiSchema>;

/** The page's form: the network values are pre-filled from the snapshot, so here they are required. */
export const calculatorFormSchema = z
  .object({
    ...machine,
    ...terms,
    btcPriceUsd: num(LIMITS.btcPriceUsd),
    difficulty: num(LIMITS.difficulty),
    networkHashrateEhs: num(LIMITS.networkHashrateEhs),
    blockRewardBtc: num(LIMITS.blockRewardBtc),
    feesPerBlockBtc: num(LIMITS.feesPerBlockBtc),
  })
  .superRefine(requireMachine);
export type CalculatorFormInput = z.infer<typeof calculatorFormSchema>;

export const roiAssumptionsSchema = z.object({
  months: num({ min: ROI_MIN_MONTHS, max: ROI_MAX_MONTHS, int: true }),
  difficultyGrowthPctPerMonth: num({ min: -50, max: 100 }),
  priceGrowthPctPerMonth: num({ min: -50, max: 100 }),
});
export type RoiAssumptions = z.infer<typeof roiAssumptionsSchema>;

/** One batch row after its columns were mapped; overrides fall back to the batch's shared values. */
export const batchRowSchema = z
  .object({
    ...machine,
    quantity: num(LIMITS.quantity),
    electricityUsdPerKwh: num(LIMITS.electricityUsdPerKwh),
    poolFeePct: optNum(LIMITS.poolFeePct),
    uptimePct: optNum(LIMITS.uptimePct),
    hostingFeeUsdPerUnitMonth: optNum(LIMITS.hostingFeeUsdPerUnitMonth),
    capexUsd: optNum(LIMITS.capexUsd),
  })
  .superRefine(requireMachine);
export type BatchRowInput = z.infer<typeof batchRowSchema>;
