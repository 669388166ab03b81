import { signedIn } from '../helpers/signed-in';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { getRackMap } from '@/db/queries/hosting/rack-map';
import { auditLog, miners, siteLayoutPositions } from '@/db/schema';
import type { Role } from '@/lib/core/roles';
import { scopeFor } from '@/lib/core/scope';
import { testActor } from '../helpers/actor';
import { createTestDb } from '../helpers/db';
import { makeMiner, makeOrg, makeSite, makeUser } from '../helpers/fixtures';

const { POST, DELETE } = await import('@/app/api/hosting/sites/[id]/layout/route');

let db: Db;
let drop: () => Promise<void>;
const ids: Record<string, string> = {};
let owner: string;

type Answer = { placed?: number; unplaced?: number; removed?: number; error: { code: string; rows: { line: number; code: string; message: string }[] } };
const call = async (method: 'POST' | 'DELETE', siteId: string, body?: string) => {
  const req = new Request(`http://127.0.0.1/api/hosting/sites/${siteId}/layout`, { method, body, headers: { 'content-type': 'text/csv' } });
  const res = await (method === 'POST' ? POST : DELETE)(req, { params: Promise.resolve({ id: siteId }) });
  return { status: res.status, json: (await res.json()) as Answer };
};
const as = (role: Role, siteIds: string[] = [], locale = 'en') => (signedIn.actor = testActor(ids.org!, role, owner, siteIds, { locale }));
const positions = () => db.select().from(siteLayoutPositions).where(eq(siteLayoutPositions.siteId, ids.a!));

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  signedIn.db = db;
  const org = await makeOrg(db);
  const a = await makeSite(db, org.id, 'Alpha');
  const b = await makeSite(db, org.id, 'Bravo');
  const m = await Promise.all([0, 1, 2, 3].map(() => makeMiner(db, { orgId: org.id, siteId: a.id })));
  const elsewhere = await makeMiner(db, { orgId: org.id, siteId: b.id });
  await db.update(miners).set({ name: 'rack-one', serial: 'SN-ONE' }).where(eq(miners.id, m[0]!.id));
  await db.update(miners).set({ macAddress: 'AA:BB:CC:00:00:02' }).where(eq(miners.id, m[1]!.id));
  await db.update(miners).set({ ipAddress: '10.1.2.3' }).where(eq(miners.id, m[2]!.id));
  await db.update(miners).set({ name: 'bravo-one', serial: 'SN-BRAVO' }).where(eq(miners.id, elsewhere.id));
  owner = (await makeUser(db, { orgId: org.id, role: 'OWNER' })).user.id;
  Object.assign(ids, { org: org.id, a: a.id, b: b.id, m0: m[0]!.id, m1: m[1]!.id, m2: m[2]!.id, m3: m[3]!.id });
});
afterAll(() => drop());

const GOOD = 'room,row,rack,position,miner\nhall-1,1,1,1,sn-one\nHALL-1,1,1,2,aabb.cc00.0002\nHALL-1,,2,1,10.1.2.3\n';

describe('POST /api/hosting/sites/:id/layout', () => {
  it('stores the sheet, naming miners by serial, MAC and IP; the map then draws the imported places', async () => {
    as('OWNER');
    const res = await call('POST', ids.a!, GOOD);
    expect(res).toEqual({ status: 200, json: { placed: 3, unplaced: 1 } });
    const map = await getRackMap(db, scopeFor({ orgId: ids.org!, role: 'OWNER', assignedSiteIds: [], linkedCustomerIds: [] }), ids.a!);
    expect(map!.site).toMatchObject({ layout: 'imported', importedPositions: 3 });
    const placeOf = (minerId: string) => map!.places![map!.ids.indexOf(minerId)];
    expect(placeOf(ids.m0!)).toEqual({ room: 'HALL-1', row: 1, rack: 1, slot: 1 });
    expect(placeOf(ids.m1!)).toEqual({ room: 'HALL-1', row: 1, rack: 1, slot: 2 });
    expect(placeOf(ids.m2!)).toEqual({ room: 'HALL-1', row: null, rack: 2, slot: 1 });
    expect(placeOf(ids.m3!)).toBeNull();
    const audit = await db.select().from(auditLog).where(eq(auditLog.entityId, ids.a!));
    expect(audit.map((e) => [e.action, e.after])).toContainEqual(['site.layout_import', { positions: 3 }]);
  });

  it('refuses a sheet with any bad line whole, every line with its translated reason, and keeps the stored layout', async () => {
    as('OWNER');
    const before = await positions();
    const sheet = 'room,row,rack,position,miner\nB,1,1,1,rack-one\nB,1,1,2,bravo-one\nB,1,1,3,nobody\nB,1,x,4,SN-ONE\n';
    const res = await call('POST', ids.a!, sheet);
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('VALIDATION');
    expect(res.json.error.rows).toEqual([
      expect.objectContaining({ line: 5, code: 'notANumber', column: 'rack', message: 'Line 5: “rack” must be a whole number, not “x”.' }),
    ]);
    // With the syntax right, the miners are looked up: one at another site and one unknown, by line.
    const res2 = await call('POST', ids.a!, sheet.replace('B,1,x,4,SN-ONE\n', ''));
    expect(res2.json.error.rows.map((r) => [r.line, r.code])).toEqual([
      [3, 'unknownMiner'],
      [4, 'unknownMiner'],
    ]);
    expect(res2.json.error.rows[0]!.message).toBe('Line 3: no miner of this site has the serial, MAC, IP address or name “bravo-one”.');
    expect(await positions()).toEqual(before);
  });

  it('answers in the user\'s language', async () => {
    as('OWNER', [], 'zh');
    const res = await call('POST', ids.a!, 'rack,miner\n1,x\n');
    expect(res.status).toBe(400);
    expect(res.json.error.rows).toEqual([expect.objectContaining({ line: 1, code: 'missingColumn', column: 'position', message: '表头缺少“position（位置）”列。' })]);
  });

  it('a site owner of another site gets 404, an operator (read-only on sites) and a client 403, and nothing changes', async () => {
    const before = await positions();
    as('MINING_SITE_OWNER', [ids.b!]);
    expect((await call('POST', ids.a!, GOOD)).status).toBe(404);
    expect((await call('DELETE', ids.a!)).status).toBe(404);
    as('OPERATOR', [ids.a!]);
    expect((await call('POST', ids.a!, GOOD)).status).toBe(403);
    as('CLIENT');
    expect((await call('POST', ids.a!, GOOD)).status).toBe(403);
    as('OWNER');
    expect((await call('POST', 'not-a-uuid', GOOD)).status).toBe(404);
    expect(await positions()).toEqual(before);
  });

  it('DELETE removes the imported layout: the map reads the names again', async () => {
    as('OWNER');
    expect(await call('DELETE', ids.a!)).toEqual({ status: 200, json: { removed: 3 } });
    expect(await positions()).toEqual([]);
    const map = await getRackMap(db, scopeFor({ orgId: ids.org!, role: 'OWNER', assignedSiteIds: [], linkedCustomerIds: [] }), ids.a!);
    expect(map!.site.layout).toBe('pattern');
    expect(map!.places).toBeNull();
  });
});
