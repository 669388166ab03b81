import { describe, expect, it } from 'vitest';
import { toFieldErrors } from '@/lib/core/field-errors';
import { calculatorApiSchema, calculatorFormSchema, roiAssumptionsSchema } from './calculator';

const form = { hashrateThs: '200', powerW: '3500', quantity: '1', electricityUsdPerKwh: '0.05', btcPriceUsd: '100000', difficulty: '1.2e14', networkHashrateEhs: '900', blockRewardBtc: '3.125', feesPerBlockBtc: '0.02' };
const errorsOf = (schema: typeof calculatorFormSchema | typeof calculatorApiSchema, v: unknown) => {
  const r = schema.safeParse(v);
  return r.success ? {} : toFieldErrors(r.error);
};

describe('calculator schemas', () => {
  it('parses form strings, with defaults for the optional terms', () => {
    const r = calculatorFormSchema.parse({ ...form, capexUsd: '1,500' });
    expect(r).toMatchObject({ hashrateThs: 200, difficulty: 1.2e14, poolFeePct: 2.5, payoutScheme: 'FPPS', uptimePct: 100, capexUsd: 1500, hostingFeeUsdPerUnitMonth: 0 });
  });

  it.each([
    ['electricityUsdPerKwh', '-0.01', 'outOfRange'],
    ['electricityUsdPerKwh', 'abc', 'number'],
    ['electricityUsdPerKwh', '', 'required'],
    ['hashrateThs', '0', 'positive'],
    ['quantity', '1.5', 'number'],
    ['uptimePct', '101', 'outOfRange'],
    ['btcPriceUsd', 'NaN', 'number'],
    ['difficulty', 'Infinity', 'number'],
    ['poolFeePct', '99', 'outOfRange'],
  ])('%s = %j → %s', (field, value, key) => expect(errorsOf(calculatorFormSchema, { ...form, [field]: value })[field]).toBe(key));

  it('wants TH/s and W (or J/TH) when no model is named', () => {
    expect(errorsOf(calculatorFormSchema, { ...form, hashrateThs: '', powerW: '' })).toEqual({ hashrateThs: 'required', powerW: 'required' });
    expect(errorsOf(calculatorFormSchema, { ...form, powerW: '', efficiencyJPerTh: '17.5' })).toEqual({});
    expect(errorsOf(calculatorApiSchema, { model: 'Antminer S21', electricityUsdPerKwh: 0.05 })).toEqual({});
  });

  it('bounds the ROI horizon to 6–60 whole months', () => {
    expect(roiAssumptionsSchema.safeParse({ months: 5, difficultyGrowthPctPerMonth: 2, priceGrowthPctPerMonth: 0 }).success).toBe(false);
    expect(roiAssumptionsSchema.parse({ months: '36', difficultyGrowthPctPerMonth: '3', priceGrowthPctPerMonth: '-1' })).toEqual({ months: 36, difficultyGrowthPctPerMonth: 3, priceGrowthPctPerMonth: -1 });
  });
});
