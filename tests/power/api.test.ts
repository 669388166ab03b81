import { signedIn } from '../helpers/signed-in';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { aggregatePowerHours } from '@/db/queries/power/aggregate';
import type { Role } from '@/lib/core/roles';
import { testActor } from '../helpers/actor';
import { createTestDb } from '../helpers/db';
import { makeCustomer, makeUser } from '../helpers/fixtures';
import { history, makePowerSite } from './power-fixture';

const overview = await import('@/app/api/hosting/power/overview/route');
const consumption = await import('@/app/api/hosting/power/consumption/route');
const rates = await import('@/app/api/hosting/power/rates/route');
const bills = await import('@/app/api/hosting/power/bills/route');
const contracts = await import('@/app/api/hosting/power/contracts/route');
const savings = await import('@/app/api/hosting/power/curtailment-savings/route');

let db: Db;
let drop: () => Promise<void>;
let f: Awaited<ReturnType<typeof makePowerSite>>;
let otherCustomer: string;
let userId: string;
const HOUR = 3_600_000;
const thisHour = Math.floor(Date.now() / HOUR) * HOUR;

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  signedIn.db = db;
  f = await makePowerSite(db);
  otherCustomer = (await makeCustomer(db, f.org.id)).id;
  userId = (await makeUser(db, { orgId: f.org.id, role: 'OWNER' })).user.id;
  // The hour before the current one: m1 and m2 (customer A) at 1 kW, m3 (nobody's) at 2 kW.
  const start = new Date(thisHour - HOUR).toISOString();
  await history(db, f.miners[0]!, start, 12, 1000);
  await history(db, f.miners[1]!, start, 12, 1000);
  await history(db, f.miners[2]!, start, 12, 2000);
  await aggregatePowerHours(db, f.site.id, new Date(thisHour - HOUR), new Date(thisHour));
});
afterAll(() => drop());

function as(role: Role, customers?: string[]) {
  const actor = testActor(f.org.id, role, userId);
  signedIn.actor = customers ? { ...actor, scope: { ...actor.scope, customers } } : actor;
}
const ctx = { params: Promise.resolve({}) };
const get = (h: { GET: (r: Request, c: typeof ctx) => Promise<Response> }, q = '') => h.GET(new Request(`http://app.test/api/hosting/power/x${q}`), ctx);
const send = (h: Record<string, unknown>, method: 'PUT' | 'POST', body: unknown) =>
  (h[method] as (r: Request, c: typeof ctx) => Promise<Response>)(new Request('http://app.test/api/hosting/power/x', { method, body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }), ctx);

describe('power API: RBAC, scope, and no host costs for clients', () => {
  it('consumption: staff see the site total with its cost; a client its own energy and no cost', async () => {
    as('OWNER');
    const staff = await (await get(consumption, '?range=24h')).json();
    expect(staff.points.map((p: { energyWh: number; costCents: number }) => [p.energyWh, p.costCents !== null])).toEqual([[4000, true]]);
    as('CLIENT', [f.a.id]);
    const mine = await (await get(consumption, '?range=24h')).json();
    expect(mine.points.map((p: { energyWh: number; costCents: number | null }) => [p.energyWh, p.costCents])).toEqual([[2000, null]]);
    as('CLIENT', [otherCustomer]);
    expect((await (await get(consumption, '?range=24h')).json()).points).toEqual([]);
    expect((await get(consumption, '?range=1y')).status).toBe(400);
  });

  it('overview: month cost and contracted kW for staff only', async () => {
    as('OWNER');
    const staff = await (await get(overview)).json();
    expect(staff.sites[0]).toMatchObject({ monthWh: 4000, contractedKw: 1000 });
    expect(typeof staff.sites[0].monthCostCents).toBe('number');
    as('CLIENT', [f.a.id]);
    const mine = await (await get(overview)).json();
    expect(mine.sites[0]).toMatchObject({ monthWh: 2000, monthCostCents: null, contractedKw: null });
    expect(mine.totals.monthCostCents).toBeNull();
  });

  it('rates and contracts are the host’s: a client is refused, a guest too', async () => {
    as('CLIENT', [f.a.id]);
    expect((await get(rates)).status).toBe(403);
    expect((await get(contracts)).status).toBe(403);
    expect((await get(savings)).status).toBe(403);
    as('GUEST');
    expect((await get(overview)).status).toBe(403);
    as('OWNER');
    expect(await (await get(savings)).json()).toMatchObject({ months: [], totals: { events: 0, netSavingCents: 0 } });
  });

  it('PUT rates adds a version (USD in, milli-cents stored); an operator may read but not write', async () => {
    as('OWNER');
    const res = await send(rates, 'PUT', { siteId: f.site.id, effectiveDate: '2027-01-01', kind: 'flat', ratesUsdPerKwh: { flat: '0.05234' }, demandUsdPerKw: 12.5, fixedMonthlyUsd: 100 });
    expect(res.status).toBe(200);
    expect((await res.json()).tariff).toMatchObject({ effectiveFrom: '2027-01-01T06:00:00.000Z', ratesMcPerKwh: { flat: 5234 }, demandCentsPerKw: 1250, fixedMonthlyCents: 10000 });
    const listed = await (await get(rates, `?siteId=${f.site.id}`)).json();
    // The site's own flat price is the base version, then the fixture's TOU, then the new one.
    expect(listed.sites[0].versions.map((v: { id: string; kind: string }) => [v.id.startsWith('site-price:'), v.kind])).toEqual([[true, 'flat'], [false, 'tou'], [false, 'flat']]);
    expect((await send(rates, 'PUT', { siteId: f.site.id, effectiveDate: '2027-01-01', kind: 'tou', ratesUsdPerKwh: { peak: 0.1 } })).status).toBe(400); // TOU without an off-peak rate
    as('OPERATOR');
    expect((await send(rates, 'PUT', { siteId: f.site.id, effectiveDate: '2027-02-01', kind: 'flat', ratesUsdPerKwh: { flat: 0.05 } })).status).toBe(403);
  });

  it('bills: staff draft and issue; a client lists its own and cannot post', async () => {
    as('OWNER');
    const month = new Date(thisHour - HOUR).toISOString().slice(0, 7);
    const drafted = await (await send(bills, 'POST', { action: 'draft', siteId: f.site.id, customerId: f.a.id, month })).json();
    expect(drafted.bill).toMatchObject({ status: 'draft', energyWh: expect.any(Number) });
    const issued = await (await send(bills, 'POST', { action: 'issue', billId: drafted.bill.id })).json();
    expect(issued.bill.number).toMatch(/^PB-\d{6}-00001$/);
    expect((await send(bills, 'POST', { action: 'issue', billId: drafted.bill.id })).status).toBe(409);
    as('CLIENT', [f.a.id]);
    expect((await send(bills, 'POST', { action: 'draft', siteId: f.site.id, customerId: f.a.id, month })).status).toBe(403);
    expect((await (await get(bills)).json()).bills.map((b: { number: string }) => b.number)).toEqual([issued.bill.number]);
    as('CLIENT', [otherCustomer]);
    expect((await (await get(bills)).json()).total).toBe(0);
  });
});
