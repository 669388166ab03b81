import { signedIn } from '../helpers/signed-in';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { aggregatePowerHours } from '@/db/queries/power/aggregate';
import { draftBill, getBill, issueBill, listBills } from '@/db/queries/power/bills';
import { addTariffVersion } from '@/db/queries/power/tariff-writes';
import type { Scope } from '@/lib/core/scope';
import { createTestDb } from '../helpers/db';
import { testActor } from '../helpers/actor';
import { makeCustomer, makeUser } from '../helpers/fixtures';
import { history, makePowerSite } from './power-fixture';

let db: Db;
let drop: () => Promise<void>;
let f: Awaited<ReturnType<typeof makePowerSite>>;
let staff: Scope;
const feesRoute = await import('@/app/api/hosting/power/hosting-fees/route');
const ctx = { params: Promise.resolve({}) };
const putFees = (body: unknown) => feesRoute.PUT(new Request('http://app.test/api/hosting/power/hosting-fees', { method: 'PUT', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }), ctx);

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  signedIn.db = db;
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

  it('with the customer’s stored hosting fees: $25 a month, 2 miners × $12.50, 2.7 kWh × $0.00333 — whole cents, the total their sum', async () => {
    signedIn.actor = testActor(f.org.id, 'OWNER', (await makeUser(db, { orgId: f.org.id, role: 'OWNER' })).user.id);
    const put = await putFees({ siteId: f.site.id, customerId: f.a.id, monthlyUsd: 25, perMinerMonthUsd: 12.5, usdPerKwh: 0.00333 });
    expect(await put.json()).toMatchObject({ fees: { monthlyCents: 2_500, perMinerMonthCents: 1_250, mcPerKwh: 333 } });
    expect((await putFees({ siteId: f.site.id, customerId: f.a.id, monthlyUsd: -1 })).status).toBe(400);
    const bill = await draftBill(db, staff, { siteId: f.site.id, customerId: f.a.id, month: '2026-03' });
    expect((bill.lines as { kind: string }[]).filter((l) => l.kind === 'hosting')).toEqual([
      { kind: 'hosting', fee: 'monthly', quantity: 1, rate: 2_500, cents: 2_500 },
      { kind: 'hosting', fee: 'per_miner', quantity: 2, rate: 1_250, cents: 2_500 },
      { kind: 'hosting', fee: 'per_kwh', quantity: 2_700, rate: 333, cents: 1 }, // 2,700 Wh × 333 m¢/kWh = 0.8991¢ → 1¢
    ]);
    // 7,724¢ of energy, demand and fixed charges + 5,001¢ of fees; a bigint column, integer cents.
    expect([bill.energyWh, bill.totalCents]).toEqual([2_700, 12_725]);
    expect(Number.isInteger(bill.totalCents)).toBe(true);
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
    expect([again.id, again.status, again.totalCents, again.updatedAt]).toEqual([issued.id, 'issued', 12_725, issued.updatedAt]);
    // Nor can a fee change.
    await putFees({ siteId: f.site.id, customerId: f.a.id, monthlyUsd: 999 });
    expect((await draftBill(db, staff, { siteId: f.site.id, customerId: f.a.id, month: '2026-03' })).totalCents).toBe(12_725);
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
