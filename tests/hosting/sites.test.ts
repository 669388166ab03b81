import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { createSite, getSiteForEdit, listSiteMemberCandidates, updateSite } from '@/db/queries/hosting/site-writes';
import { auditLog, membershipSites } from '@/db/schema';
import { scopeFor } from '@/lib/core/scope';
import { toFieldErrors } from '@/lib/core/field-errors';
import { siteSchema } from '@/lib/validation/hosting';
import { createTestDb } from '../helpers/db';
import { makeOrg, makeSite, makeUser } from '../helpers/fixtures';

let db: Db;
let drop: () => Promise<void>;
const ids: Record<string, string> = {};
const input = siteSchema.parse({ name: 'Delta', location: 'Here', timeZone: 'Asia/Almaty', energySource: 'wind', contractedKw: '5000', electricityUsdPerKwh: '0.04250' });

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  const org = await makeOrg(db);
  const other = await makeOrg(db, 'Other');
  const a = await makeSite(db, org.id, 'Alpha');
  const owner = await makeUser(db, { orgId: org.id, role: 'OWNER' });
  const siteOwner = await makeUser(db, { orgId: org.id, role: 'site_manager', siteIds: [a.id] });
  const op = await makeUser(db, { orgId: org.id, role: 'OPERATOR' });
  const foreignOp = await makeUser(db, { orgId: other.id, role: 'OPERATOR' });
  Object.assign(ids, { org: org.id, a: a.id, owner: owner.user.id, so: siteOwner.user.id, soM: siteOwner.membership.id, opM: op.membership.id, foreignM: foreignOp.membership.id });
});
afterAll(() => drop());

const ownerWho = () => ({ orgId: ids.org!, userId: ids.owner!, scope: scopeFor({ orgId: ids.org!, role: 'OWNER', assignedSiteIds: [], linkedCustomerIds: [] }) });

describe('site validation', () => {
  it('accepts IANA zones and rejects unknown ones, bad prices and kW', () => {
    const r = siteSchema.safeParse({ ...input, timeZone: 'Mars/Olympus', electricityUsdPerKwh: '0.1.2', contractedKw: '-4' });
    expect(r.success).toBe(false);
    expect(toFieldErrors(r.error!)).toEqual({ contractedKw: 'positive', electricityUsdPerKwh: 'number', timeZone: 'invalid' });
    expect(siteSchema.safeParse({ ...input, timeZone: 'America/Argentina/Buenos_Aires' }).success).toBe(true);
  });

  it('takes an optional client price per kWh: blank is not set, a bad one is refused', () => {
    expect(siteSchema.parse({ ...input, clientUsdPerKwh: ' ' }).clientUsdPerKwh).toBeNull();
    expect(siteSchema.parse({ ...input, clientUsdPerKwh: '0.06500' }).clientUsdPerKwh).toBe('0.06500');
    expect(toFieldErrors(siteSchema.safeParse({ ...input, clientUsdPerKwh: '-1' }).error!)).toEqual({ clientUsdPerKwh: 'number' });
  });
});

describe('site writes', () => {
  it('lists site owners (legacy names included) and operators as candidates, not other orgs or owners', async () => {
    const c = await listSiteMemberCandidates(db, ids.org!);
    expect(c.map((m) => m.membershipId).sort()).toEqual([ids.soM, ids.opM].sort());
    expect(c.find((m) => m.membershipId === ids.soM)?.role).toBe('MINING_SITE_OWNER');
  });

  it('creates a site with members and an audit entry; a duplicate name is a conflict on name', async () => {
    const site = await createSite(db, ownerWho(), { ...input, clientUsdPerKwh: '0.06500', memberIds: [ids.opM!] });
    ids.delta = site.id;
    expect(site.electricityUsdPerKwh).toBe('0.04250');
    expect(site.clientUsdPerKwh).toBe('0.06500');
    expect((await db.select().from(membershipSites).where(eq(membershipSites.siteId, site.id))).map((m) => m.membershipId)).toEqual([ids.opM]);
    expect((await db.select().from(auditLog).where(and(eq(auditLog.entityId, site.id), eq(auditLog.action, 'site.create')))).length).toBe(1);
    await expect(createSite(db, ownerWho(), input)).rejects.toMatchObject({ code: 'CONFLICT', fieldErrors: { name: 'invalid' } });
  });

  it('refuses members from another organization and writes nothing', async () => {
    await expect(createSite(db, ownerWho(), { ...input, name: 'Echo', memberIds: [ids.foreignM!] })).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(await getSiteForEdit(db, ownerWho().scope, ids.a!)).not.toBeNull();
  });

  it('a site owner creating a site is assigned to it, and cannot edit a site outside its scope', async () => {
    const scope = scopeFor({ orgId: ids.org!, role: 'MINING_SITE_OWNER', assignedSiteIds: [ids.a!], linkedCustomerIds: [] });
    const who = { orgId: ids.org!, userId: ids.so!, scope };
    const site = await createSite(db, who, { ...input, name: 'Foxtrot' });
    expect((await getSiteForEdit(db, ownerWho().scope, site.id))!.memberIds).toEqual([ids.soM]);
    await expect(updateSite(db, who, ids.delta!, input)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('updates fields and members with before/after in the audit log', async () => {
    await updateSite(db, ownerWho(), ids.delta!, { ...input, contractedKw: 6000, memberIds: [ids.soM!] });
    const [entry] = await db.select().from(auditLog).where(and(eq(auditLog.entityId, ids.delta!), eq(auditLog.action, 'site.update')));
    expect(entry!.before).toMatchObject({ contractedKw: 5000, memberIds: [ids.opM] });
    expect(entry!.after).toMatchObject({ contractedKw: 6000, memberIds: [ids.soM] });
  });
});
