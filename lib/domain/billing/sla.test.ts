import { describe, expect, it } from 'vitest';
import { slaCredit } from './sla';

const terms = { targetBps: 9_500, creditBpsPerPoint: 500, capBps: 3_000 };
const day = (d: number, units: number, reported: number, hours: number) => ({ day: `2026-04-${String(d).padStart(2, '0')}`, units, reportedUnits: reported, uptimeHours: hours });

describe('SLA credit from measured uptime', () => {
  it('shortfall × credit per point, capped (hand-checked)', () => {
    // 3 days × 2 units = 144 h expected; 130.08 h up → 90.33 % → 9,033 bps; shortfall 467 bps
    // → 4.67 points × 5 % = 23.35 % → 2,335 bps of $1,000 = $233.50.
    const r = slaCredit(terms, [day(1, 2, 2, 48), day(2, 2, 2, 48), day(3, 2, 1, 34.08)], 100_000);
    expect(r).toMatchObject({ measuredDays: 3, expectedHours: 144, measuredBps: 9_033, shortfallBps: 467, creditBps: 2_335, creditCents: 23_350 });
  });
  it('capped at the cap', () => expect(slaCredit(terms, [day(1, 1, 1, 12)], 100_000)).toMatchObject({ measuredBps: 5_000, creditBps: 3_000, creditCents: 30_000 }));
  it('meets the target: no credit', () => expect(slaCredit(terms, [day(1, 1, 1, 23)], 100_000)).toMatchObject({ measuredBps: 9_583, shortfallBps: 0, creditCents: 0 }));
  it('a day nobody reported is not measured; no measured day, no credit', () => {
    expect(slaCredit(terms, [day(1, 2, 0, 0), day(2, 2, 2, 48)], 100_000)).toMatchObject({ measuredDays: 1, unmeasuredDays: ['2026-04-01'], measuredBps: 10_000, creditCents: 0 });
    expect(slaCredit(terms, [day(1, 2, 0, 0)], 100_000)).toMatchObject({ measuredBps: null, creditCents: 0 });
  });
});
