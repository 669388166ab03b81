import { signedIn } from '../helpers/signed-in';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { optInDemandResponse } from '@/db/queries/power/curtailment-plans';
import { curtailmentEvents, minerTelemetryLive } from '@/db/schema';
import { createApiToken } from '@/lib/auth/api-tokens';
import { createTestDb } from '../helpers/db';
import { makeMiner, makeOrg, makeSite, makeUser } from '../helpers/fixtures';

const route = await import('@/app/api/hosting/power/demand-response/route');

let db: Db;
let drop: () => Promise<void>;
let siteId = '';
let otherSiteId = '';
let token = '';
let clientToken = '';
const ctx = { params: Promise.resolve({}) };
const call = (body: unknown, auth = `Bearer ${token}`) =>
  route.POST(new Request('http://app.test/api/hosting/power/demand-response', { method: 'POST', headers: { authorization: auth, 'content-type': 'application/json' }, body: JSON.stringify(body) }), ctx);

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  signedIn.db = db;
  const org = await makeOrg(db);
  siteId = (await makeSite(db, org.id)).id;
  otherSiteId = (await makeSite(db, org.id)).id;
  const now = new Date();
  for (let i = 0; i < 4; i++) {
    const m = await makeMiner(db, { orgId: org.id, siteId });
    await db.insert(minerTelemetryLive).values({ minerId: m.id, orgId: org.id, siteId, collectedAt: now, online: true, powerW: 3000, hashrateAvgThs: 100 });
  }
  const operator = (await makeUser(db, { orgId: org.id, role: 'OPERATOR', siteIds: [siteId, otherSiteId] })).user.id;
  const client = (await makeUser(db, { orgId: org.id, role: 'CLIENT' })).user.id;
  const t1 = await createApiToken(db, { orgId: org.id, userId: operator }, 'utility');
  const t2 = await createApiToken(db, { orgId: org.id, userId: client }, 'client');
  if (!t1.ok || !t2.ok) throw new Error('no token');
  token = t1.token;
  clientToken = t2.token;
  await optInDemandResponse(db, { orgId: org.id, sites: 'all', customers: 'all' }, null, { siteId, strategy: 'performance', perMinute: 2 });
});
afterAll(async () => drop?.());

describe('demand-response API', () => {
  it('without a token 401; a client token 403', async () => {
    expect((await call({ siteId, reductionKw: 5, durationMin: 30 }, '')).status).toBe(401);
    expect((await call({ siteId, reductionKw: 5, durationMin: 30 }, `Bearer ${clientToken}`)).status).toBe(403);
  });
  it('a site that has not opted in: 409', async () => {
    expect((await call({ siteId: otherSiteId, reductionKw: 5, durationMin: 30 })).status).toBe(409);
  });
  it('both or neither of capKw and reductionKw: 400', async () => {
    expect((await call({ siteId, capKw: 5, reductionKw: 5, durationMin: 30 })).status).toBe(400);
    expect((await call({ siteId, durationMin: 30 })).status).toBe(400);
  });
  it('a cap of 6 kW on the 12 kW site: curtails two miners now, staggered as the opt-in says, until the window ends', async () => {
    const res = await call({ siteId, capKw: 6, durationMin: 30 });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { eventId: string; requestedShedW: number; plannedShedW: number; miners: number };
    expect(body).toMatchObject({ requestedShedW: 6000, plannedShedW: 6000, miners: 2 });
    const [event] = await db.select().from(curtailmentEvents).where(eq(curtailmentEvents.id, body.eventId));
    expect(event).toMatchObject({ trigger: 'demand_response', targetKind: 'cap', perMinute: 2, waves: 1 });
    expect(event!.endsAt!.getTime() - event!.createdAt.getTime()).toBe(30 * 60_000);
  });
});
