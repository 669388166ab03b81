import { describe, expect, it } from 'vitest';
import { contractCharges, contractCoversMonth, kwhOf, termEndMonth } from './contract';
import { priceLines } from './invoice';

const terms = { pricing: 'per_kwh' as const, rate: 6_500, reservedKw: 0, energyPassThrough: false, revenueShareBps: 0, startDate: '2026-01-15', termMonths: 12, autoRenew: false };

describe('contract term', () => {
  it.each([
    ['2025-12', false],
    ['2026-01', true],
    ['2026-12', true],
    ['2027-01', false],
  ])('%s covered: %s', (m, yes) => expect(contractCoversMonth(terms, m)).toBe(yes));
  it('auto-renewal', () => {
    expect(contractCoversMonth({ ...terms, autoRenew: true }, '2029-03')).toBe(true);
    expect(termEndMonth({ ...terms, autoRenew: true }, '2027-02')).toBe('2028-01');
  });
});

describe('a month’s charges', () => {
  const bills = [
    {
      billId: 'b1',
      siteId: 's1',
      siteName: 'One',
      lines: [
        { kind: 'energy' as const, tariffId: 't', window: 'peak' as const, wh: 2_400_500, rateMcPerKwh: 12_000, cents: 28_806 },
        { kind: 'energy' as const, tariffId: 't', window: 'off_peak' as const, wh: 300, rateMcPerKwh: 4_000, cents: 1 },
        { kind: 'demand' as const, tariffId: 't', peakHour: null, sitePeakW: 0, partyW: 0, rateCentsPerKw: 1_000, hours: 1, monthHours: 1, cents: 2_400 },
      ],
    },
  ];
  it('per kWh: measured kWh per window × the contract rate; pass-through keeps the bill’s cents', () => {
    const { lines } = priceLines(contractCharges({ ...terms, energyPassThrough: true }, { month: '2026-03', bills, units: 0, revenueCents: null }), 0);
    expect(lines.map((l) => [l.kind, l.quantity, l.amountCents])).toEqual([
      ['energy', '2400.500', 15_603], // 2,400.5 kWh × 6.5¢ = 15,603.25¢
      ['energy', '0.300', 2],
      ['power_energy', '2400.500', 28_806],
      ['power_energy', '0.300', 1],
      ['power_demand', '1', 2_400],
    ]);
  });
  it('per miner-month, per reserved kW, revenue share', () => {
    const month = { month: '2026-03', bills: [], units: 7, revenueCents: 1_000_000 };
    expect(priceLines(contractCharges({ ...terms, pricing: 'per_miner_month', rate: 4_500, revenueShareBps: 1_250 }, month), 0).lines.map((l) => [l.kind, l.amountCents])).toEqual([
      ['miner_month', 31_500],
      ['revenue_share', 125_000],
    ]);
    expect(priceLines(contractCharges({ ...terms, pricing: 'per_kw_reserved', rate: 9_000, reservedKw: 250 }, month), 0).totals.subtotalCents).toBe(2_250_000);
  });
  it('kWh strings', () => expect([kwhOf(0), kwhOf(999), kwhOf(1_000_001)]).toEqual(['0.000', '0.999', '1000.001']));
});
