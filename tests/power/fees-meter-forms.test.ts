import { signedIn } from '../helpers/signed-in';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { customerHostingFees, meterReadings, powerHourly } from '@/db/schema';
import { importMeterReadingsAction } from '@/lib/actions/power/import-meter-readings';
import { saveHostingFeesAction } from '@/lib/actions/power/save-hosting-fees';
import { formData, testActor } from '../helpers/actor';
import { createTestDb } from '../helpers/db';
import { makeCustomer, makeUser } from '../helpers/fixtures';
import { makePowerSite } from './power-fixture';

/*
 * The hosting-fee form and the meter CSV upload: server actions on the API's validation (hosting:power
 * FULL, the host's view only), what they store, and a refused CSV naming its bad lines.
 */

let db: Db;
let drop: () => Promise<void>;
let f: Awaited<ReturnType<typeof makePowerSite>>;
let userId = '';
let otherOrgCustomer = '';

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  signedIn.db = db;
  f = await makePowerSite(db);
  userId = (await makeUser(db, { orgId: f.org.id, role: 'OWNER' })).user.id;
  const other = await makePowerSite(db);
  otherOrgCustomer = (await makeCustomer(db, other.org.id)).id;
});
afterAll(() => drop());

const owner = () => (signedIn.actor = testActor(f.org.id, 'OWNER', userId));
const client = () => (signedIn.actor = { ...testActor(f.org.id, 'CLIENT', userId), scope: { orgId: f.org.id, sites: 'all', customers: [f.a.id] } });

describe('hosting-fee form', () => {
  it('a client is refused; a customer of another organization is NOT_FOUND; a negative fee is a field error', async () => {
    client();
    expect(await saveHostingFeesAction(null, formData({ siteId: f.site.id, customerId: f.a.id, monthlyUsd: '50' }))).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    owner();
    expect(await saveHostingFeesAction(null, formData({ siteId: f.site.id, customerId: otherOrgCustomer, monthlyUsd: '50' }))).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await saveHostingFeesAction(null, formData({ siteId: f.site.id, customerId: f.a.id, monthlyUsd: '-1' }))).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { monthlyUsd: expect.any(String) } });
    expect(await db.select().from(customerHostingFees)).toEqual([]);
  });

  it('stores $50 a month, $12.34 a miner-month and $0.0125 a kWh as 5,000 ¢, 1,234 ¢ and 1,250 m¢; a blank amount is 0', async () => {
    owner();
    expect(await saveHostingFeesAction(null, formData({ siteId: f.site.id, customerId: f.a.id, monthlyUsd: '50', perMinerMonthUsd: '12.34', usdPerKwh: '0.0125' }))).toMatchObject({ ok: true });
    const [row] = await db.select().from(customerHostingFees).where(and(eq(customerHostingFees.siteId, f.site.id), eq(customerHostingFees.customerId, f.a.id)));
    expect([row!.monthlyCents, row!.perMinerMonthCents, row!.mcPerKwh]).toEqual([5_000, 1_234, 1_250]);
    expect(await saveHostingFeesAction(null, formData({ siteId: f.site.id, customerId: f.a.id, monthlyUsd: '', perMinerMonthUsd: '10', usdPerKwh: '' }))).toMatchObject({ ok: true });
    const [again] = await db.select().from(customerHostingFees).where(eq(customerHostingFees.customerId, f.a.id));
    expect([again!.monthlyCents, again!.perMinerMonthCents, again!.mcPerKwh]).toEqual([0, 1_000, 0]);
  });
});

describe('meter CSV upload', () => {
  const header = 'meter_id,period_start,period_end,kwh,kind';
  it('a client is refused; a file with bad lines names each line and why, and stores nothing', async () => {
    client();
    expect(await importMeterReadingsAction(null, formData({ siteId: f.site.id, text: `${header}\nMAIN,2026-03-10T19:00:00Z,2026-03-10T20:00:00Z,5,site` }))).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    owner();
    const text = [
      header,
      'MAIN,2026-03-10T19:00:00Z,2026-03-10T20:00:00Z,5,site', // line 2: good
      'MAIN,2026-03-10T20:00:00,2026-03-10T21:00:00Z,5,site', // line 3: no offset
      'MAIN,2026-03-10T21:00:00Z,2026-03-10T22:00:00Z,-1,site', // line 4: negative
      'PDU1,2026-03-10T19:00:00Z,2026-03-10T20:00:00Z,4,rack', // line 5: unknown kind
      'MAIN,2026-03-10T18:00:00Z,2026-03-10T20:00:00Z,9,site', // line 6: MAIN again, same end as line 2
    ].join('\n');
    const r = await importMeterReadingsAction(null, formData({ siteId: f.site.id, text }));
    expect(r).toMatchObject({ ok: false, code: 'VALIDATION', details: { rows: { 3: 'period', 4: 'energy', 5: 'kind', 6: 'duplicate' } } });
    expect(await db.select().from(meterReadings)).toEqual([]);
  });

  it('a good file is stored and its hour re-aggregated from the meter: 5 kWh at 14:00 CDT (peak, 12¢) = 60,000 m¢', async () => {
    owner();
    const r = await importMeterReadingsAction(null, formData({ siteId: f.site.id, text: `${header}\nMAIN,2026-03-10T19:00:00Z,2026-03-10T20:00:00Z,5,site` }));
    expect(r).toMatchObject({ ok: true, data: { stored: 1 } });
    const [h] = await db.select().from(powerHourly).where(and(eq(powerHourly.siteId, f.site.id), eq(powerHourly.hour, new Date('2026-03-10T19:00:00Z'))));
    expect([h!.energyWh, h!.source, h!.costMc]).toEqual([5_000, 'meter', 60_000]);
  });
});
