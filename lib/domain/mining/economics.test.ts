import { describe, expect, it } from 'vitest';
import { TWO_POW_32 } from './constants';
import { computeEconomics, type EconomicsInput, powerFromEfficiency } from './economics';
import { impliedNetworkHashrateHs } from './revenue';

// Chosen so 100 TH/s earns exactly 0.001 BTC/day gross: D = H · 86400 · (R + F) / (0.001 · 2³²)
// with H = 1e14 H/s and R + F = 3.125 + 0.075 = 3.2 BTC.
const difficulty = (100e12 * 86_400 * 3.2) / (0.001 * TWO_POW_32);

const base: EconomicsInput = {
  hashrateThs: 100,
  powerW: 3000,
  quantity: 1,
  electricityUsdPerKwh: 0.05,
  poolFeePct: 2,
  payoutScheme: 'FPPS',
  hostingFeeUsdPerUnitMonth: 0,
  uptimePct: 100,
  btcPriceUsd: 100_000,
  difficulty,
  networkHashrateHs: impliedNetworkHashrateHs(difficulty),
  blockRewardBtc: 3.125,
  feesPerBlockBtc: 0.075,
  capexUsd: 2000,
};

describe('computeEconomics — hand-checked', () => {
  const r = computeEconomics(base);
  it.each([
    // 0.001 BTC gross × (1 − 2%) = 0.00098 BTC; × $100,000 = $98
    ['daily BTC', r.daily.revenueBtc, 0.00098],
    ['daily USD', r.daily.revenueUsd, 98],
    // 3,000 W = 3 kW × 24 h = 72 kWh × $0.05 = $3.60
    ['power cost', r.daily.powerCostUsd, 3.6],
    ['energy kWh/day', r.energyKwhPerDay, 72],
    // 98 − 3.60 = 94.40
    ['net profit', r.daily.netProfitUsd, 94.4],
    // 94.40 / 98 = 96.3265…%
    ['margin %', r.marginPct, (94.4 / 98) * 100],
    // 94.40 × 30.4375 days = 2,873.30
    ['monthly net', r.monthly.netProfitUsd, 2873.3],
    // 94.40 × 365.25 days = 34,479.60
    ['yearly net', r.yearly.netProfitUsd, 34_479.6],
    // net is zero at 98 / 72 kWh = $1.36111/kWh
    ['break-even $/kWh', r.breakEvenElectricityUsdPerKwh, 98 / 72],
    // net is zero at 3.60 / 0.00098 BTC = $3,673.47
    ['break-even BTC price', r.breakEvenBtcPriceUsd, 3.6 / 0.00098],
    // hashprice before pool fee: 0.001 BTC / 100 TH = 0.00001 BTC = $1 per TH/s/day, $1,000 per PH/s/day
    ['hashprice BTC/TH', r.hashpriceBtcPerThDay, 0.00001],
    ['hashprice USD/PH', r.hashpriceUsdPerPhDay, 1000],
    // 3,000 W / 100 TH/s = 30 J/TH
    ['efficiency', r.efficiencyJPerTh, 30],
    // $2,000 / $94.40 per day = 21.19 days
    ['payback days', r.paybackDays, 2000 / 94.4],
  ])('%s', (_label, got, want) => expect(got).toBeCloseTo(want as number, 9));

  it('both algorithms agree at the implied network hashrate', () => {
    expect(r.algorithms.byNetworkShareBtcPerDay).toBeCloseTo(0.00098, 12);
    expect(r.algorithms.relativeDifference).toBeCloseTo(0, 12);
    expect(r.algorithms.disagrees).toBe(false);
    expect(r.hosting).toBeNull();
  });
});

describe('computeEconomics — fleet, curtailment, hosting and schemes', () => {
  // 10 units at 50% uptime, PPLNS at 90% luck, no pool fee: 0.001 × 10 × 0.5 × 0.9 = 0.0045 BTC = $450.
  // 30 kW × 24 h × 0.5 = 360 kWh × $0.05 = $18. Hosting fee $30.4375/unit/month = $1/unit/day = $10.
  const input: EconomicsInput = { ...base, quantity: 10, uptimePct: 50, poolFeePct: 0, payoutScheme: 'PPLNS', pplnsLuckPct: 90, hostingFeeUsdPerUnitMonth: 30.4375, siteCostUsdPerKwh: 0.03 };
  const r = computeEconomics(input);
  it.each([
    ['revenue USD', r.daily.revenueUsd, 450],
    ['power cost', r.daily.powerCostUsd, 18],
    ['hosting fee', r.daily.hostingFeeUsd, 10],
    ['net', r.daily.netProfitUsd, 422],
    // (450 − 10) / 360 kWh
    ['break-even $/kWh', r.breakEvenElectricityUsdPerKwh, 440 / 360],
    // client pays 360 × 0.05 + 10 = $28; the site costs 360 × 0.03 = $10.80; the host keeps $17.20 = 61.43%
    ['client pays', r.hosting!.clientPaysUsdPerDay, 28],
    ['site cost', r.hosting!.siteCostUsdPerDay, 10.8],
    ['host margin', r.hosting!.hostMarginUsdPerDay, 17.2],
    ['host margin %', r.hosting!.hostMarginPct, (17.2 / 28) * 100],
  ])('%s', (_label, got, want) => expect(got).toBeCloseTo(want as number, 9));

  it('FPPS and PPS+ have the same expectation; PPLNS luck only moves PPLNS', () => {
    const fpps = computeEconomics({ ...base, payoutScheme: 'FPPS', pplnsLuckPct: 80 }).daily.revenueBtc;
    const ppsPlus = computeEconomics({ ...base, payoutScheme: 'PPS_PLUS', pplnsLuckPct: 80 }).daily.revenueBtc;
    const pplns = computeEconomics({ ...base, payoutScheme: 'PPLNS', pplnsLuckPct: 80 }).daily.revenueBtc;
    expect(ppsPlus).toBe(fpps);
    expect(pplns).toBeCloseTo(fpps * 0.8, 15);
  });

  it('reports the network-share figure and flags disagreement past the threshold', () => {
    const implied = impliedNetworkHashrateHs(difficulty);
    const near = computeEconomics({ ...base, networkHashrateHs: implied * 1.25 });
    expect(near.algorithms.byNetworkShareBtcPerDay).toBeCloseTo(0.00098 / 1.25, 12);
    expect(near.algorithms.relativeDifference).toBeCloseTo(-0.2, 12);
    expect(near.algorithms.disagrees).toBe(false);
    expect(computeEconomics({ ...base, networkHashrateHs: implied * 3 }).algorithms.disagrees).toBe(true);
    expect(computeEconomics({ ...base, networkHashrateHs: implied * 1.6, disagreementRatio: 1.5 }).algorithms.disagrees).toBe(true);
  });

  it('has no margin, break-even price or payback when nothing is earned or nothing is profitable', () => {
    const off = computeEconomics({ ...base, uptimePct: 0 });
    expect(off.marginPct).toBeNull();
    expect(off.breakEvenBtcPriceUsd).toBeNull();
    expect(off.paybackDays).toBeNull();
    expect(computeEconomics({ ...base, electricityUsdPerKwh: 5 }).paybackDays).toBeNull();
  });

  it('derives watts from J/TH', () => expect(powerFromEfficiency(200, 17.5)).toBe(3500));
});
