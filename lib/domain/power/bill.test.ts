import { describe, expect, it } from 'vitest';
import { type BillHour, computeBill } from './bill';
import type { Tariff } from './tariff';
import { localMonthRange } from './zone';

const CHI = 'America/Chicago';
const HOUR = 3_600_000;

const flat = (id: string, effectiveFrom: string, mc: number, demand: number, fixed: number): Tariff => ({
  id,
  effectiveFrom: new Date(effectiveFrom),
  kind: 'flat',
  ratesMcPerKwh: { flat: mc },
  seasons: [],
  holidays: [],
  demandCentsPerKw: demand,
  fixedMonthlyCents: fixed,
});

/** Every hour of the local month, the party drawing `party(h)` W of the site's `site(h)` W. */
function hoursOf(month: string, site: (h: Date) => number, party: (h: Date) => number): BillHour[] {
  const { from, to } = localMonthRange(month, CHI);
  const out: BillHour[] = [];
  for (let t = from.getTime(); t < to.getTime(); t += HOUR) out.push({ hour: new Date(t), siteWh: site(new Date(t)), wh: { flat: party(new Date(t)) } });
  return out;
}

describe('a rate change in mid-month (April 2026, 720 h; 1 kW constant; new version from 16 April 00:00 CDT)', () => {
  // 5¢ → 6¢/kWh, $10 → $12/kW demand, $100 → $200 a month fixed.
  const tariffs = [flat('a', '2026-01-01T06:00:00Z', 5_000, 1_000, 10_000), flat('b', '2026-04-16T05:00:00Z', 6_000, 1_200, 20_000)];

  it('the site: each half at its own rates: 1800 + 2160 energy, 500 + 600 demand, 5000 + 10000 fixed = 20,060¢', () => {
    const bill = computeBill({ party: 'site', month: '2026-04', timeZone: CHI, tariffs, hours: hoursOf('2026-04', () => 1000, () => 1000) });
    expect(bill.lines.map((l) => [l.kind, 'tariffId' in l ? l.tariffId : '', l.cents])).toEqual([
      ['energy', 'a', 1800], // 360 kWh × 5¢
      ['demand', 'a', 500], // 1 kW × $10 × 360/720
      ['fixed', 'a', 5000], // $100 × 360/720
      ['energy', 'b', 2160], // 360 kWh × 6¢
      ['demand', 'b', 600],
      ['fixed', 'b', 10000],
    ]);
    expect(bill.totalCents).toBe(20_060);
    expect(bill.energyWh).toBe(720_000);
  });

  it('a customer drawing a quarter of the site pays a quarter of each line: 450 + 540 + 125 + 150 + 1250 + 2500 = 5,015¢', () => {
    const bill = computeBill({ party: 'customer', month: '2026-04', timeZone: CHI, tariffs, hours: hoursOf('2026-04', () => 1000, () => 250) });
    expect(bill.lines.map((l) => l.cents)).toEqual([450, 125, 1250, 540, 150, 2500]);
    expect(bill.totalCents).toBe(5_015);
  });

  it('with its hosting fees: $25 a month + 3 miners × $12.50 + 180 kWh × $0.00333 (59.94 → 60¢) = 5,015 + 2,500 + 3,750 + 60 = 11,325¢', () => {
    const hostingFees = { monthlyCents: 2_500, perMinerMonthCents: 1_250, mcPerKwh: 333, miners: 3 };
    const bill = computeBill({ party: 'customer', month: '2026-04', timeZone: CHI, tariffs, hours: hoursOf('2026-04', () => 1000, () => 250), hostingFees });
    expect(bill.lines.filter((l) => l.kind === 'hosting')).toEqual([
      { kind: 'hosting', fee: 'monthly', quantity: 1, rate: 2_500, cents: 2_500 },
      { kind: 'hosting', fee: 'per_miner', quantity: 3, rate: 1_250, cents: 3_750 },
      { kind: 'hosting', fee: 'per_kwh', quantity: 180_000, rate: 333, cents: 60 },
    ]);
    expect(bill.totalCents).toBe(11_325);
    expect(Number.isInteger(bill.totalCents) && bill.lines.every((l) => Number.isInteger(l.cents))).toBe(true);
    // A fee of zero, or no miners, adds no line.
    const none = computeBill({ party: 'customer', month: '2026-04', timeZone: CHI, tariffs, hours: hoursOf('2026-04', () => 1000, () => 250), hostingFees: { ...hostingFees, monthlyCents: 0, miners: 0, mcPerKwh: 0 } });
    expect(none.totalCents).toBe(5_015);
  });

  it('a month that has not started under any tariff bills nothing but its energy at rate 0', () => {
    const bill = computeBill({ party: 'site', month: '2025-12', timeZone: CHI, tariffs, hours: hoursOf('2025-12', () => 1000, () => 1000) });
    expect(bill.lines).toEqual([]);
    expect(bill.totalCents).toBe(0);
  });
});

describe('the demand charge comes from the monthly peak (February 2026, 672 h; 5¢/kWh; $15/kW)', () => {
  const tariffs = [flat('f', '2026-01-01T06:00:00Z', 5_000, 1_500, 0)];
  const sitePeak = new Date('2026-02-10T18:00:00Z').getTime();
  const customerPeak = new Date('2026-02-20T18:00:00Z').getTime();
  // The site draws 1 kW, 3.4 kW in its peak hour and 2.5 kW in the customer's own peak hour.
  const site = (h: Date) => (h.getTime() === sitePeak ? 3400 : h.getTime() === customerPeak ? 2500 : 1000);
  const customer = (h: Date) => (h.getTime() === sitePeak ? 1700 : h.getTime() === customerPeak ? 2000 : 500);

  it('the site pays 3.4 kW × $15 = 5,100¢ and 675.9 kWh × 5¢ = 3,379.5 → 3,380¢', () => {
    const bill = computeBill({ party: 'site', month: '2026-02', timeZone: CHI, tariffs, hours: hoursOf('2026-02', site, site) });
    expect(bill.lines).toEqual([
      { kind: 'energy', tariffId: 'f', window: 'flat', wh: 675_900, rateMcPerKwh: 5_000, cents: 3_380 },
      { kind: 'demand', tariffId: 'f', peakHour: '2026-02-10T18:00:00.000Z', sitePeakW: 3400, partyW: 3400, rateCentsPerKw: 1_500, hours: 672, monthHours: 672, cents: 5_100 },
    ]);
  });

  it('a customer pays its kW at the site peak (1.7 kW × $15 = 2,550¢), not at its own peak (2 kW)', () => {
    const bill = computeBill({ party: 'customer', month: '2026-02', timeZone: CHI, tariffs, hours: hoursOf('2026-02', site, customer) });
    expect(bill.lines.map((l) => l.cents)).toEqual([1_694, 2_550]); // 338.7 kWh × 5¢ = 1,693.5 → 1,694
    expect(bill.totalCents).toBe(4_244);
  });
});
