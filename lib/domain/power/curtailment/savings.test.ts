import { describe, expect, it } from 'vitest';
import { curtailmentSavings, type PriceSlot } from './savings';

const t = (hhmm: string) => new Date(`2026-07-15T${hhmm}:00Z`);
// 13:00–14:00 off-peak 4 ¢/kWh at $48/PH/day; 14:00–14:30 peak 12 ¢ and 14:30–15:00 shoulder 8 ¢, both at $50.
const PRICES: PriceSlot[] = [
  { from: t('13:00'), to: t('14:00'), rateMcPerKwh: 4_000, hashpriceUsdPerPhDay: 48 },
  { from: t('14:00'), to: t('14:30'), rateMcPerKwh: 12_000, hashpriceUsdPerPhDay: 50 },
  { from: t('14:30'), to: t('15:00'), rateMcPerKwh: 8_000, hashpriceUsdPerPhDay: 50 },
];
// 1 MW and 20 PH/s off the site from 13:30 to 15:00, pool fee 2 %.
const EVENT = [{ from: t('13:30'), to: t('15:00'), shedW: 1_000_000, shedThs: 20_000 }];

describe('curtailmentSavings (by hand)', () => {
  const s = curtailmentSavings(EVENT, PRICES, 2);

  it('13:00 hour, half of it curtailed: 500 kWh × 4 ¢ = 2,000 ¢ avoided; 20 PH/s × $48/24 × 0.5 h × 0.98 = $19.60 forgone; net 40 ¢', () => {
    expect(s.hours[0]).toEqual({ hourStart: t('13:00'), energyAvoidedWh: 500_000, costAvoidedCents: 2_000, revenueForgoneCents: 1_960, netSavingCents: 40 });
  });
  it('14:00 hour, tariff changes at 14:30: 500 kWh × 12 ¢ + 500 kWh × 8 ¢ = 10,000 ¢; 20 × $50/24 × 0.98 = $40.833 → 4,083 ¢; net 5,917 ¢', () => {
    expect(s.hours[1]).toEqual({ hourStart: t('14:00'), energyAvoidedWh: 1_000_000, costAvoidedCents: 10_000, revenueForgoneCents: 4_083, netSavingCents: 5_917 });
  });
  it('totals are the sums of the hourly cents', () => {
    expect(s).toMatchObject({ energyAvoidedWh: 1_500_000, costAvoidedCents: 12_000, revenueForgoneCents: 6_043, netSavingCents: 5_957, missingHours: [] });
  });
  it('five-minute measured buckets add up like one interval', () => {
    const buckets = Array.from({ length: 18 }, (_, i) => ({ from: new Date(t('13:30').getTime() + i * 300_000), to: new Date(t('13:30').getTime() + (i + 1) * 300_000), shedW: 1_000_000, shedThs: 20_000 }));
    expect(curtailmentSavings(buckets, PRICES, 2)).toEqual(s);
  });
  it('a higher hashprice in the same hour means more revenue forgone: the price of the hour is read, not a constant', () => {
    const dearer = PRICES.map((p) => ({ ...p, hashpriceUsdPerPhDay: p.hashpriceUsdPerPhDay! * 2 }));
    // 3,920 ¢ + 8,166.67 ¢ → 8,167 ¢ (each hour rounded once).
    expect(curtailmentSavings(EVENT, dearer, 2).revenueForgoneCents).toBe(12_087);
  });
  it('an hour without a hashprice has no revenue figure, and the totals say so instead of counting 0', () => {
    const gap = curtailmentSavings(EVENT, [PRICES[0]!, { ...PRICES[1]!, hashpriceUsdPerPhDay: null }, PRICES[2]!], 2);
    expect(gap.hours[1]).toMatchObject({ costAvoidedCents: 10_000, revenueForgoneCents: null, netSavingCents: null });
    expect(gap).toMatchObject({ costAvoidedCents: 12_000, revenueForgoneCents: null, netSavingCents: null, missingHours: [t('14:00')] });
  });
  it('a stretch no price covers is unknown, not free', () => {
    const short = curtailmentSavings(EVENT, PRICES.slice(0, 2), 2);
    expect(short.hours[1]).toMatchObject({ costAvoidedCents: null, revenueForgoneCents: null });
  });
});
