import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { getRackMap } from '@/db/queries/hosting/rack-map';
import { setSiteLayoutPattern } from '@/db/queries/hosting/site-writes';
import { auditLog, edgeAlertRules, miners, minerTelemetryLive } from '@/db/schema';
import type { Role } from '@/lib/core/roles';
import { scopeFor } from '@/lib/core/scope';
import { createTestDb } from '../helpers/db';
import { makeCustomer, makeMiner, makeOrg, makeSite, makeUser } from '../helpers/fixtures';

let db: Db;
let drop: () => Promise<void>;
const ids: Record<string, string> = {};
const now = new Date('2026-12-06T12:00:00Z');

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  const org = await makeOrg(db);
  const other = await makeOrg(db, 'Other');
  const a = await makeSite(db, org.id, 'Alpha');
  const b = await makeSite(db, org.id, 'Bravo');
  const c1 = await makeCustomer(db, org.id);
  const c2 = await makeCustomer(db, org.id);
  const m1 = await makeMiner(db, { orgId: org.id, siteId: a.id, customerId: c1.id });
  const m2 = await makeMiner(db, { orgId: org.id, siteId: a.id, customerId: c2.id, status: 'maintenance' });
  const m3 = await makeMiner(db, { orgId: org.id, siteId: a.id });
  await db.update(miners).set({ name: 'A-R01-K01-01' }).where(eq(miners.id, m1.id));
  await db.update(miners).set({ name: 'A-R01-K01-02' }).where(eq(miners.id, m2.id));
  await db.update(miners).set({ name: 'A-R01-K02-01' }).where(eq(miners.id, m3.id));
  await db.insert(minerTelemetryLive).values({
    minerId: m1.id,
    orgId: org.id,
    siteId: a.id,
    collectedAt: new Date(now.getTime() - 90_000),
    online: true,
    hashrateAvgThs: 180,
    hashrateNominalThs: 200,
    powerW: 3600,
    tempChipMaxC: 81.5,
  });
  // m2 (maintenance) reads as sleeping: the measured state, not the state people set. m3's reading is
  // a day old: unknown, and its old figures are not shown as current.
  await db.insert(minerTelemetryLive).values([
    { minerId: m2.id, orgId: org.id, siteId: a.id, collectedAt: new Date(now.getTime() - 60_000), online: true, hashrateAvgThs: 0, powerW: 20, tempChipMaxC: 30 },
    { minerId: m3.id, orgId: org.id, siteId: a.id, collectedAt: new Date(now.getTime() - 86_400_000), online: true, hashrateAvgThs: 100, powerW: 3000, tempChipMaxC: 99 },
  ]);
  const owner = await makeUser(db, { orgId: org.id, role: 'OWNER' });
  Object.assign(ids, { owner: owner.user.id, org: org.id, other: other.id, a: a.id, b: b.id, c1: c1.id, m1: m1.id, m2: m2.id, m3: m3.id });
});
afterAll(() => drop());

const scope = (role: Role, assignedSiteIds: string[] = [], linkedCustomerIds: string[] = [], orgId = ids.org!) => scopeFor({ orgId, role, assignedSiteIds, linkedCustomerIds });

describe('getRackMap', () => {
  it('returns every miner of the site as parallel arrays: the measured state, and only measured figures', async () => {
    const map = await getRackMap(db, scope('OWNER'), ids.a!, now);
    expect(map?.site).toMatchObject({ name: 'Alpha', layout: 'pattern', importedPositions: 0 });
    expect(map!.places).toBeNull();
    expect(map!.names).toEqual(['A-R01-K01-01', 'A-R01-K01-02', 'A-R01-K02-01']);
    expect(map!.ids).toEqual([ids.m1, ids.m2, ids.m3]);
    expect(map!.status).toEqual(['active', 'maintenance', 'active']);
    expect(map!.state).toEqual(['online', 'sleeping', 'unknown']);
    expect(map!.chipC).toEqual([81.5, 30, null]);
    // m2 is measured at 0 TH/s; m3's day-old reading is no figure, nor is its model's nameplate rate.
    expect(map!.hashrateThs).toEqual([180, 0, null]);
    expect(map!.powerW).toEqual([3600, 20, null]);
    // The reported nominal first; without a reading, the model's nominal rate (a number, not 0).
    expect(map!.nominalThs[0]).toBe(200);
    expect(map!.nominalThs[2]).toBeGreaterThan(0);
  });

  it('a TEMP_HIGH rule below the chip temperature makes the state overheating, as on the miner list', async () => {
    await db.insert(edgeAlertRules).values({ orgId: ids.org!, siteId: ids.a!, name: 'hot', kind: 'TEMP_HIGH', threshold: 80, enabled: 1 });
    try {
      expect((await getRackMap(db, scope('OWNER'), ids.a!, now))!.state[0]).toBe('overheating');
    } finally {
      await db.delete(edgeAlertRules).where(eq(edgeAlertRules.orgId, ids.org!));
    }
  });

  it('an operator of another site, another organization and an unknown site see nothing', async () => {
    expect(await getRackMap(db, scope('OPERATOR', [ids.b!]), ids.a!, now)).toBeNull();
    expect(await getRackMap(db, scope('OWNER', [], [], ids.other!), ids.a!, now)).toBeNull();
    expect(await getRackMap(db, scope('OWNER'), '00000000-0000-4000-8000-000000000000', now)).toBeNull();
    const own = await getRackMap(db, scope('OPERATOR', [ids.a!]), ids.a!, now);
    expect(own!.ids).toHaveLength(3);
  });

  it('a client sees only its own miners, and no map of a site that hosts none of them', async () => {
    const map = await getRackMap(db, scope('CLIENT', [], [ids.c1!]), ids.a!, now);
    expect(map!.ids).toEqual([ids.m1]);
    expect(await getRackMap(db, scope('CLIENT', [], [ids.c1!]), ids.b!, now)).toBeNull();
  });
});

describe('setSiteLayoutPattern', () => {
  it('saves a site\'s pattern with an audit entry; the map reads it back; a site outside the scope is not found', async () => {
    expect((await getRackMap(db, scope('OWNER'), ids.a!, now))!.site.layoutPattern).toBeNull();
    await setSiteLayoutPattern(db, { orgId: ids.org!, userId: ids.owner!, scope: scope('OWNER') }, ids.a!, '{room}-R{row}-K{rack}-{slot}');
    expect((await getRackMap(db, scope('OWNER'), ids.a!, now))!.site.layoutPattern).toBe('{room}-R{row}-K{rack}-{slot}');
    const audit = await db.select().from(auditLog).where(eq(auditLog.entityId, ids.a!));
    expect(audit.map((a) => a.action)).toContain('site.layout_pattern');
    await expect(setSiteLayoutPattern(db, { orgId: ids.org!, userId: ids.owner!, scope: scope('OPERATOR', [ids.b!]) }, ids.a!, '{rack}-{slot}')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await getRackMap(db, scope('OWNER'), ids.a!, now))!.site.layoutPattern).toBe('{room}-R{row}-K{rack}-{slot}');
  });
});
