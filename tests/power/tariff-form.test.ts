import { signedIn } from '../helpers/signed-in';
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { draftBill, getBill, issueBill } from '@/db/queries/power/bills';
import { siteTariffs } from '@/db/schema';
import { saveTariffAction } from '@/lib/actions/power/save-tariff';
import { formData, testActor } from '../helpers/actor';
import { createTestDb } from '../helpers/db';
import { makeUser } from '../helpers/fixtures';
import { history, makePowerSite } from './power-fixture';
import { aggregatePowerHours } from '@/db/queries/power/aggregate';

/*
 * The tariff form's server action: the same schema and write as PUT /api/hosting/power/rates, the
 * host's only (a client is refused), field errors named by the schema's paths, and a version inside
 * a month already billed refused — an issued bill is never recomputed.
 */

let db: Db;
let drop: () => Promise<void>;
let f: Awaited<ReturnType<typeof makePowerSite>>;
let userId = '';

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  signedIn.db = db;
  f = await makePowerSite(db);
  userId = (await makeUser(db, { orgId: f.org.id, role: 'OWNER' })).user.id;
  // March: customer A's m1 and m2 at 1,200 W for an hour at 14:00 CDT (peak, 12¢) → 2.4 kWh.
  for (const m of [f.miners[0]!, f.miners[1]!]) await history(db, m, '2026-03-10T19:00:00Z', 12, 1200);
  await aggregatePowerHours(db, f.site.id, new Date('2026-03-01T06:00:00Z'), new Date('2026-04-01T05:00:00Z'));
});
afterAll(() => drop());

const summer = JSON.stringify([{ name: 'summer', from: '06-01', to: '09-30', periods: [{ window: 'peak', days: [1, 2, 3, 4, 5], from: '14:00', to: '20:00' }, { window: 'shoulder', days: [0, 1, 2, 3, 4, 5, 6], from: '22:00', to: '06:00' }] }]);
const fields = (over: Record<string, string> = {}) =>
  formData({ siteId: f.site.id, effectiveDate: '2026-06-01', kind: 'tou', 'ratesUsdPerKwh.peak': '0.12', 'ratesUsdPerKwh.shoulder': '0.08', 'ratesUsdPerKwh.off_peak': '0.04', seasons: summer, holidays: '2026-07-03\n2026-09-07', demandUsdPerKw: '12.5', fixedMonthlyUsd: '250', ...over });
const latest = async () => (await db.select().from(siteTariffs).where(eq(siteTariffs.siteId, f.site.id)).orderBy(desc(siteTariffs.effectiveFrom)).limit(1))[0]!;

describe('the tariff form', () => {
  it('a client is refused; a site-bound operator too (hosting:power FULL is the host’s)', async () => {
    signedIn.actor = { ...testActor(f.org.id, 'CLIENT', userId), scope: { orgId: f.org.id, sites: 'all', customers: [f.a.id] } };
    expect(await saveTariffAction(null, fields())).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    signedIn.actor = testActor(f.org.id, 'OPERATOR', userId, [f.site.id]);
    expect((await saveTariffAction(null, fields())).ok).toBe(false);
  });

  it('stores a time-of-use version in the stored units: $0.12 → 12,000 m¢/kWh, $12.50/kW → 1,250 ¢, $250 → 25,000 ¢', async () => {
    signedIn.actor = testActor(f.org.id, 'OWNER', userId);
    expect(await saveTariffAction(null, fields())).toMatchObject({ ok: true });
    const row = await latest();
    // 2026-06-01 00:00 CDT = 05:00Z.
    expect([row.effectiveFrom.toISOString(), row.kind, row.ratesMcPerKwh, row.holidays, row.demandCentsPerKw, row.fixedMonthlyCents]).toEqual([
      '2026-06-01T05:00:00.000Z',
      'tou',
      { peak: 12_000, shoulder: 8_000, off_peak: 4_000 },
      ['2026-07-03', '2026-09-07'],
      1_250,
      25_000,
    ]);
    expect(row.seasons).toEqual(JSON.parse(summer));
    // A flat version on the same date replaces it (not yet billed), and a flat one has no seasons.
    expect(await saveTariffAction(null, fields({ kind: 'flat', 'ratesUsdPerKwh.flat': '0.0615', 'ratesUsdPerKwh.off_peak': '' }))).toMatchObject({ ok: true });
    expect(await latest()).toMatchObject({ kind: 'flat', ratesMcPerKwh: { flat: 6_150 }, seasons: [] });
  });

  it('field errors name the schema path; nothing is written', async () => {
    signedIn.actor = testActor(f.org.id, 'OWNER', userId);
    const before = await latest();
    const bad = JSON.stringify([{ name: 'x', from: '06-01', to: '09-30', periods: [{ window: 'peak', days: [1], from: '25:00', to: '20:00' }] }]);
    expect(await saveTariffAction(null, fields({ seasons: bad }))).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { 'seasons.0.periods.0.from': 'invalid' } });
    expect(await saveTariffAction(null, fields({ 'ratesUsdPerKwh.off_peak': '' }))).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { ratesUsdPerKwh: 'invalid' } });
    expect((await saveTariffAction(null, fields({ seasons: '{not json' }))).ok).toBe(false);
    expect(await latest()).toEqual(before);
  });

  it('a rate change inside a month already billed is refused, and the issued bill keeps its figures', async () => {
    const staff = { orgId: f.org.id, sites: 'all' as const, customers: 'all' as const };
    const draft = await draftBill(db, staff, { siteId: f.site.id, customerId: f.a.id, month: '2026-03' });
    const issued = await issueBill(db, staff, draft.id, null, new Date('2026-04-02T12:00:00Z'));
    signedIn.actor = testActor(f.org.id, 'OWNER', userId);
    expect(await saveTariffAction(null, fields({ effectiveDate: '2026-03-15', 'ratesUsdPerKwh.peak': '0.50' }))).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await db.select().from(siteTariffs).where(and(eq(siteTariffs.siteId, f.site.id), eq(siteTariffs.effectiveFrom, new Date('2026-03-15T05:00:00Z'))))).toEqual([]);
    const again = await getBill(db, staff, issued.id);
    expect([again.status, again.totalCents, again.updatedAt]).toEqual(['issued', issued.totalCents, issued.updatedAt]);
  });
});
