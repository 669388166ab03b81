import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { aggregatePowerHours } from '@/db/queries/power/aggregate';
import { draftBill, getBill, issueBill, listBills } from '@/db/queries/power/bills';
import { addTariffVersion } from '@/db/queries/power/tariff-writes';
import type { Scope } from '@/lib/core/scope';
import { createTestDb } from '../helpers/db';
import { makeCustomer } from '../helpers/fixtures';
import { history, makePowerSite } from './power-fixture';

let db: Db;
let drop: () => Promise<void>;
let f: Awaited<ReturnType<typeof makePowerSite>>;
let staff: Scope;

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  f = await makePowerSite(db);
  staff = { orgId: f.org.id, sites: 'all', customers: 'all' };
  const [m1, m2, m3] = f.miners;
  for (const m of [m1!, m2!, m3!]) await history(db, m, '2026-03-10T19:00:00Z', 12, 1200);
  await history(db, m1!, '2026-03-10T18:00:00Z', 6, 1200, 0.5);
  await history(db, m3!, '2026-03-08T07:00:00Z', 24, 600);
  await aggregatePowerHours(db, f.site.id, new Date('2026-03-01T00:00:00Z'), new Date('2026-04-01T00:00:00Z'));
});
afterAll(() => drop());

describe('monthly power bills per customer', () => {
  it('a draft: energy per window × rate, demand at the site peak, a share of the fixed charge', async () => {
    const bill = await draftBill(db, staff, { siteId: f.site.id, customerId: f.a.id, month: '2026-03' });
    expect(bill.status).toBe('draft');
    expect(bill.number).toBeNull();
    // Customer A: 2.4 kWh peak (12¢) = 28.8 → 29¢; 0.3 kWh off-peak (4¢) = 1.2 → 1¢; 2.4 kW at the site's
    // 3.6 kW peak hour × $10 = 2,400¢; $100 fixed × 2,700 / 5,100 Wh = 5,294.1 → 5,294¢.
    expect((bill.lines as { kind: string; cents: number }[]).map((l) => [l.kind, l.cents])).toEqual([
      ['energy', 29],
      ['energy', 1],
      ['demand', 2_400],
      ['fixed', 5_294],
    ]);
    expect([bill.energyWh, bill.totalCents]).toEqual([2_700, 7_724]);
  });

  it('issuing numbers and locks it: a later tariff change cannot reach it, nor can a re-draft', async () => {
    const draft = await draftBill(db, staff, { siteId: f.site.id, customerId: f.a.id, month: '2026-03' });
    const issued = await issueBill(db, staff, draft.id, null, new Date('2026-04-02T12:00:00Z'));
    expect([issued.status, issued.number, issued.seq]).toEqual(['issued', 'PB-202603-00001', 1]);
    await expect(issueBill(db, staff, draft.id, null)).rejects.toMatchObject({ code: 'CONFLICT' });

    const tariff = { effectiveDate: '2026-03-15', kind: 'flat' as const, ratesMcPerKwh: { flat: 99_000 }, seasons: [], holidays: [], demandCentsPerKw: 0, fixedMonthlyCents: 0 };
    await expect(addTariffVersion(db, staff, f.site.id, tariff, null)).rejects.toMatchObject({ code: 'CONFLICT' });
    // From 1 April (local midnight) it is accepted, and the March bill still reads the same.
    await addTariffVersion(db, staff, f.site.id, { ...tariff, effectiveDate: '2026-04-01' }, null);
    const again = await draftBill(db, staff, { siteId: f.site.id, customerId: f.a.id, month: '2026-03' });
    expect([again.id, again.status, again.totalCents, again.updatedAt]).toEqual([issued.id, 'issued', 7_724, issued.updatedAt]);
  });

  it('numbers are gapless per organization; a client sees only its own bills', async () => {
    const b = await makeCustomer(db, f.org.id);
    const other = await draftBill(db, staff, { siteId: f.site.id, customerId: b.id, month: '2026-03' });
    expect((await issueBill(db, staff, other.id, null)).number).toBe('PB-202603-00002');
    const client: Scope = { orgId: f.org.id, sites: 'all', customers: [b.id] };
    const mine = await listBills(db, client, { limit: 50, offset: 0 });
    expect([mine.total, mine.bills.map((x) => x.customerId)]).toEqual([1, [b.id]]);
    await expect(getBill(db, client, (await listBills(db, staff, { customerId: f.a.id, limit: 1, offset: 0 })).bills[0]!.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(draftBill(db, client, { siteId: f.site.id, customerId: f.a.id, month: '2026-03' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
