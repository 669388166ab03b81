import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, queryRows } from '@/db/client';
import { minerAlias } from '@/db/queries/pool/mismatches';
import { scopeWhere } from '@/db/queries/scope';
import { edgeDevices, miners } from '@/db/schema';
import type { Scope } from '@/lib/core/scope';
import { createTestDb } from '../helpers/db';
import { makeCustomer, makeMiner, makeTwoOrgs } from '../helpers/fixtures';

let db: Db;
let drop: () => Promise<void>;
const ids: Record<string, string> = {};

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  const { org, other, a, b, x } = await makeTwoOrgs(db);
  const c1 = await makeCustomer(db, org.id);
  const c2 = await makeCustomer(db, org.id);
  Object.assign(ids, { org: org.id, a: a.id, b: b.id, c1: c1.id, c2: c2.id });
  ids.a1 = (await makeMiner(db, { orgId: org.id, siteId: a.id, customerId: c1.id })).id;
  ids.b2 = (await makeMiner(db, { orgId: org.id, siteId: b.id, customerId: c2.id })).id;
  ids.b1 = (await makeMiner(db, { orgId: org.id, siteId: b.id, customerId: c1.id })).id;
  ids.bNone = (await makeMiner(db, { orgId: org.id, siteId: b.id, customerId: null })).id;
  await makeMiner(db, { orgId: other.id, siteId: x.id });
  await db.insert(edgeDevices).values([
    { orgId: org.id, siteId: a.id, name: 'a', tokenHash: 'ha', tokenPrefix: 'hie_a', signingKey: 'k' },
    { orgId: org.id, siteId: b.id, name: 'b', tokenHash: 'hb', tokenPrefix: 'hie_b', signingKey: 'k' },
    { orgId: other.id, siteId: x.id, name: 'x', tokenHash: 'hx', tokenPrefix: 'hie_x', signingKey: 'k' },
  ]);
});
afterAll(() => drop());

const scope = (sites: Scope['sites'], customers: Scope['customers']): Scope => ({ orgId: ids.org!, sites, customers });
const name = (id: string) => Object.entries(ids).find(([, v]) => v === id)![0];
const minersIn = async (s: Scope) => (await db.select({ id: miners.id }).from(miners).where(scopeWhere(miners, s))).map((r) => name(r.id)).sort();
const minersInRaw = async (s: Scope) => (await queryRows<{ id: string }>(db, sql`select m.id from miners m where ${scopeWhere(minerAlias, s)}`)).map((r) => name(r.id)).sort();

describe('scopeWhere: the one scope filter', () => {
  it('keeps to the organization, and limits each axis the scope limits; an empty list sees nothing', async () => {
    const cases: [Scope, string[]][] = [
      [scope('all', 'all'), ['a1', 'b1', 'b2', 'bNone']],
      [scope([ids.a!], 'all'), ['a1']],
      [scope('all', [ids.c1!]), ['a1', 'b1']],
      [scope([ids.b!], [ids.c1!]), ['b1']],
      [scope([], 'all'), []],
      [scope('all', []), []],
    ];
    for (const [s, expected] of cases) {
      expect(await minersIn(s)).toEqual(expected);
      // The same filter over a raw query's alias selects the same rows.
      expect(await minersInRaw(s)).toEqual(expected);
    }
  });

  it('leaves open an axis the table has no column for (devices have a site, no customer)', async () => {
    const devices = async (s: Scope) => (await db.select({ name: edgeDevices.name }).from(edgeDevices).where(scopeWhere(edgeDevices, s))).map((r) => r.name).sort();
    expect(await devices(scope('all', 'all'))).toEqual(['a', 'b']);
    expect(await devices(scope([ids.b!], 'all'))).toEqual(['b']);
    expect(await devices(scope([], 'all'))).toEqual([]);
    // Customer-bound roles never reach devices: the permission table refuses them before any query.
    expect(await devices(scope('all', [ids.c1!]))).toEqual(['a', 'b']);
  });
});
