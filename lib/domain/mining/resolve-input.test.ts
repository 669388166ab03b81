import { describe, expect, it } from 'vitest';
import { type CalculatorFields, modelIndex, type NetworkDefaults, resolveEconomicsInput } from './resolve-input';
import { impliedNetworkHashrateHs } from './revenue';

const models = modelIndex([{ name: 'Antminer S21', hashrateThs: 200, powerW: 3500 }]);
const net: NetworkDefaults = { btcPriceUsd: 90_000, difficulty: 1.5e14, networkHashrateHs: 1.1e21, blockRewardBtc: 3.125, feesPerBlockBtc: 0.02 };
const terms: CalculatorFields = { quantity: 2, electricityUsdPerKwh: 0.05, poolFeePct: 2, payoutScheme: 'FPPS', pplnsLuckPct: 100, hostingFeeUsdPerUnitMonth: 0, uptimePct: 100, capexUsd: 0 };

describe('resolveEconomicsInput', () => {
  it.each([
    ['a catalogue model, network from the snapshot', { model: 'ANTMINER s21' }, { hashrateThs: 200, powerW: 3500, btcPriceUsd: 90_000, networkHashrateHs: 1.1e21 }],
    ['a model with a TH/s override keeps its watts', { model: 'Antminer S21', hashrateThs: 210 }, { hashrateThs: 210, powerW: 3500 }],
    // 100 TH/s × 25 J/TH = 2,500 W
    ['a custom machine by J/TH', { hashrateThs: 100, efficiencyJPerTh: 25 }, { hashrateThs: 100, powerW: 2500 }],
    ['a user difficulty without hashrate uses the implied hashrate', { model: 'Antminer S21', difficulty: 1e14 }, { difficulty: 1e14, networkHashrateHs: impliedNetworkHashrateHs(1e14) }],
    ['a user network hashrate in EH/s', { model: 'Antminer S21', networkHashrateEhs: 800 }, { networkHashrateHs: 8e20 }],
  ])('%s', (_l, fields, want) => {
    const r = resolveEconomicsInput({ ...terms, ...fields }, models, net);
    expect(r.ok && r.input).toMatchObject(want);
  });

  it('rejects an unknown model and missing network values without a snapshot', () => {
    expect(resolveEconomicsInput({ ...terms, model: 'S99' }, models, net)).toEqual({ ok: false, fieldErrors: { model: 'invalid' } });
    expect(resolveEconomicsInput({ ...terms, model: 'Antminer S21', btcPriceUsd: 1 }, models, null)).toEqual({
      ok: false,
      fieldErrors: { difficulty: 'required', blockRewardBtc: 'required', feesPerBlockBtc: 'required' },
    });
  });
});
