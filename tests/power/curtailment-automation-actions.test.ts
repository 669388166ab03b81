import { signedIn } from '../helpers/signed-in';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { listCurtailmentWindows } from '@/db/queries/power/curtailment-windows';
import { listSiteFeeders } from '@/db/queries/power/feeders';
import { curtailmentPlans, powerPrices, sites } from '@/db/schema';
import { cancelCurtailmentWindowAction } from '@/lib/actions/power/cancel-curtailment-window';
import { importCurtailmentWindowsAction } from '@/lib/actions/power/import-curtailment-windows';
import { importFeederMapAction } from '@/lib/actions/power/import-feeder-map';
import { importPowerPricesAction } from '@/lib/actions/power/import-power-prices';
import { saveCurtailmentWindowAction } from '@/lib/actions/power/save-curtailment-window';
import { saveFeederAction } from '@/lib/actions/power/save-feeder';
import { saveStrikePlanAction } from '@/lib/actions/power/save-strike-plan';
import { setDemandResponseAction } from '@/lib/actions/power/set-demand-response';
import { formData, testActor } from '../helpers/actor';
import { createTestDb } from '../helpers/db';
import { makeMiner, makeOrg, makeSite, makeUser } from '../helpers/fixtures';

/*
 * The automation forms' server actions: who may use them (operators of the site and above, never a
 * client), the 4xx each bad input answers with, and what a good one stores.
 */

let db: Db;
let drop: () => Promise<void>;
let orgId = '';
let siteId = '';
let otherSiteId = '';
let userId = '';
const minerNames: string[] = [];

const plan = (over: Record<string, string> = {}) =>
  formData({ siteId, name: 'ERCOT RT', enabled: 'on', strategy: 'performance', targetKind: 'reduction', targetKw: '500', perMinute: '50', feedKind: 'csv', highKind: 'fixed', highUsdPerMwh: '120', lowKind: 'fixed', lowUsdPerMwh: '60', curtailAfter: '3', resumeAfter: '2', ...over });

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  signedIn.db = db;
  orgId = (await makeOrg(db)).id;
  siteId = (await makeSite(db, orgId)).id;
  await db.update(sites).set({ timeZone: 'America/Chicago' }).where(eq(sites.id, siteId));
  otherSiteId = (await makeSite(db, orgId)).id;
  userId = (await makeUser(db, { orgId, role: 'OPERATOR', siteIds: [siteId] })).user.id;
  for (let i = 0; i < 3; i++) minerNames.push((await makeMiner(db, { orgId, siteId })).name);
});
afterAll(async () => drop?.());

describe('who may automate curtailment', () => {
  it('a client is refused every form; an operator of another site gets NOT_FOUND', async () => {
    signedIn.actor = testActor(orgId, 'CLIENT', userId);
    expect(await saveStrikePlanAction(null, plan())).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await setDemandResponseAction(null, formData({ siteId, enabled: 'on', strategy: 'performance', perMinute: '10' }))).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await saveFeederAction(null, formData({ siteId, code: 'F1', capKw: '100' }))).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    signedIn.actor = testActor(orgId, 'OPERATOR', userId, [otherSiteId]);
    expect(await saveStrikePlanAction(null, plan())).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await importPowerPricesAction(null, formData({ siteId, source: 'manual', text: '2026-07-15T12:00:00Z,80' }))).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await saveCurtailmentWindowAction(null, formData({ siteId, kind: 'scheduled', date: '2099-07-15', from: '16:00', to: '18:00', strategy: 'performance', targetKind: 'reduction', targetKw: '100' }))).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });
});

describe("the site's operator", () => {
  it('creates and edits a strike plan; a low strike above the high one and an HTTP feed without a URL are field errors', async () => {
    signedIn.actor = testActor(orgId, 'OPERATOR', userId, [siteId]);
    expect(await saveStrikePlanAction(null, plan({ lowUsdPerMwh: '150' }))).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { lowUsdPerMwh: 'lowAboveHigh' } });
    expect(await saveStrikePlanAction(null, plan({ feedKind: 'http' }))).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { feedUrl: 'required' } });
    // SSRF: the cloud metadata address, a private network and this machine are refused (no flag set here), and nothing is stored.
    const before = (await db.select().from(curtailmentPlans).where(eq(curtailmentPlans.siteId, siteId))).length;
    for (const feedUrl of ['http://169.254.169.254/latest/meta-data/', 'http://10.0.0.8/prices', 'http://localhost:9000/prices', 'http://[::1]/prices']) {
      expect(await saveStrikePlanAction(null, plan({ feedKind: 'http', feedUrl }))).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { feedUrl: 'privateFeedAddress' } });
    }
    expect((await db.select().from(curtailmentPlans).where(eq(curtailmentPlans.siteId, siteId))).length).toBe(before);
    expect(await saveStrikePlanAction(null, plan({ feedKind: 'http', feedUrl: 'https://93.184.216.34/ercot' }))).toMatchObject({ ok: true });
    const r = await saveStrikePlanAction(null, plan({ highKind: 'break_even', highUsdPerMwh: '5', lowKind: 'fixed', lowUsdPerMwh: '40' }));
    expect(r.ok).toBe(true);
    const id = (r as { data: { id: string } }).data.id;
    expect(await saveStrikePlanAction(null, plan({ id, enabled: '', name: 'ERCOT RT (off)' }))).toMatchObject({ ok: true });
    const [row] = await db.select().from(curtailmentPlans).where(eq(curtailmentPlans.id, id));
    expect(row).toMatchObject({ name: 'ERCOT RT (off)', enabled: false, feedKind: 'csv', strike: { high: { kind: 'fixed', usdPerMwh: 120 }, low: { kind: 'fixed', usdPerMwh: 60 }, curtailAfter: 3, resumeAfter: 2 } });
  });

  it('enters prices by hand and refuses a row off the five-minute grid', async () => {
    expect(await importPowerPricesAction(null, formData({ siteId, source: 'manual', text: '2026-07-15T12:00:00Z,80\n2026-07-15T12:05:00Z,95.5' }))).toMatchObject({ ok: true, data: { stored: 2 } });
    expect(await importPowerPricesAction(null, formData({ siteId, source: 'csv', text: 'start,usd_per_mwh\n2026-07-15T12:03:00Z,80' }))).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { text: 'csvRows' } });
    expect(await db.select().from(powerPrices).where(eq(powerPrices.siteId, siteId))).toHaveLength(2);
  });

  it('opts the site in to demand response and out again', async () => {
    expect(await setDemandResponseAction(null, formData({ siteId, enabled: 'on', strategy: 'fair', perMinute: '25' }))).toMatchObject({ ok: true });
    expect(await setDemandResponseAction(null, formData({ siteId, strategy: 'fair', perMinute: '25' }))).toMatchObject({ ok: true, data: { enabled: false } });
    const rows = await db.select().from(curtailmentPlans).where(and(eq(curtailmentPlans.siteId, siteId), eq(curtailmentPlans.mode, 'demand_response')));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ enabled: false, strategy: 'fair', perMinute: 25 });
  });

  it('adds a window in the site zone, imports 4CP warnings as CSV, and cancels one', async () => {
    const w = await saveCurtailmentWindowAction(null, formData({ siteId, kind: 'scheduled', date: '2099-07-15', from: '22:00', to: '02:00', strategy: 'performance', targetKind: 'reduction', targetKw: '100', perMinute: '50' }));
    // 22:00 CDT is 03:00 UTC the next day; the end at 02:00 is on the 16th.
    expect(w).toMatchObject({ ok: true, data: { startsAt: '2099-07-16T03:00:00.000Z' } });
    expect(await saveCurtailmentWindowAction(null, formData({ siteId, kind: 'scheduled', date: '2099-07-15', from: '25:00', to: '02:00', strategy: 'performance', targetKind: 'reduction', targetKw: '-1' }))).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { from: 'invalid', targetKw: 'outOfRange' } });
    const csv = 'date,start,end,target_kw,target_kind\n2099-08-01,16:00,17:30,2000,cap\n2099-08-02,16:15,17:00,1500,cap';
    expect(await importCurtailmentWindowsAction(null, formData({ siteId, kind: 'peak_warning', strategy: 'optimal', perMinute: '100', text: csv }))).toMatchObject({ ok: true, data: { saved: 2 } });
    expect(await importCurtailmentWindowsAction(null, formData({ siteId, kind: 'peak_warning', strategy: 'optimal', text: 'date,start,end,target_kw\n2099-08-03,4pm,5pm,10' }))).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { text: 'csvRows' } });
    const rows = await listCurtailmentWindows(db, { orgId, sites: [siteId], customers: 'all' }, { siteId, from: new Date() });
    expect(rows.map((r) => [r.kind, r.startsAt.toISOString(), r.endsAt.toISOString()])).toEqual([
      ['scheduled', '2099-07-16T03:00:00.000Z', '2099-07-16T07:00:00.000Z'],
      ['peak_warning', '2099-08-01T21:00:00.000Z', '2099-08-01T22:30:00.000Z'],
      ['peak_warning', '2099-08-02T21:15:00.000Z', '2099-08-02T22:00:00.000Z'],
    ]);
    expect(await cancelCurtailmentWindowAction({ id: rows[1]!.id })).toMatchObject({ ok: true });
    expect(await cancelCurtailmentWindowAction({ id: rows[1]!.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  it('imports a feeder map, names a miner it cannot find, and changes a cap', async () => {
    const bad = `feeder,cap_kw,miner\nF1,10,${minerNames[0]}\nF1,,nobody`;
    expect(await importFeederMapAction(null, formData({ siteId, text: bad }))).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { text: 'csvNoMiner' } });
    const good = `feeder,cap_kw,miner\nF1,10,${minerNames[0]}\nF1,,${minerNames[1]}\nF2,7.5,${minerNames[2]}`;
    expect(await importFeederMapAction(null, formData({ siteId, text: good }))).toMatchObject({ ok: true, data: { feeders: 2, miners: 3 } });
    expect(await saveFeederAction(null, formData({ siteId, code: 'F2', capKw: '0' }))).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { capKw: 'outOfRange' } });
    expect(await saveFeederAction(null, formData({ siteId, code: 'F2', capKw: '9' }))).toMatchObject({ ok: true });
    const feeders = await listSiteFeeders(db, { orgId, sites: [siteId], customers: 'all' }, siteId);
    expect(feeders.map((f) => [f.code, f.capKw, f.miners])).toEqual([
      ['F1', 10, 2],
      ['F2', 9, 1],
    ]);
  });
});
