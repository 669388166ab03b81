import { signedIn } from '../helpers/signed-in';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { portalAnnouncements } from '@/db/queries/crm/announcements';
import { customers } from '@/db/schema';
import { scopeFor } from '@/lib/core/scope';
import { formData, testActor } from '../helpers/actor';
import { createTestDb } from '../helpers/db';
import { makeCustomer, makeMiner, makeOrg, makeSite, makeUser } from '../helpers/fixtures';

const { createAnnouncementAction } = await import('@/lib/actions/crm/create-announcement');
const { markAnnouncementReadAction } = await import('@/lib/actions/crm/mark-announcement-read');

let db: Db;
let drop: () => Promise<void>;
let orgId: string;
let adminId: string;
let clientUserId: string;
let siteA: string;
let siteB: string;
let vip: string;
let standard: string;

const clientScope = (customerId: string) => scopeFor({ orgId, role: 'CLIENT', assignedSiteIds: [], linkedCustomerIds: [customerId] });

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  signedIn.db = db;
  orgId = (await makeOrg(db)).id;
  siteA = (await makeSite(db, orgId)).id;
  siteB = (await makeSite(db, orgId)).id;
  adminId = (await makeUser(db, { orgId, role: 'ADMIN' })).user.id;
  clientUserId = (await makeUser(db, { orgId, role: 'CLIENT' })).user.id;
  vip = (await makeCustomer(db, orgId)).id;
  standard = (await makeCustomer(db, orgId)).id;
  await db.update(customers).set({ tier: 'VIP' }).where(eq(customers.id, vip));
  await makeMiner(db, { orgId, siteId: siteA, customerId: vip });
  await makeMiner(db, { orgId, siteId: siteB, customerId: standard });
});
afterAll(() => drop());

describe('announcements to the portal', () => {
  it('reach the clients they aim at, from their publish time until they expire, unread first', async () => {
    signedIn.actor = testActor(orgId, 'ADMIN', adminId);
    const past = new Date(Date.now() - 3_600_000).toISOString();
    const future = new Date(Date.now() + 3_600_000).toISOString();
    const ok = async (fields: Record<string, string>) => {
      const r = await createAnnouncementAction(null, formData(fields));
      expect(r).toMatchObject({ ok: true });
      return (r as { data: { id: string } }).data.id;
    };
    const everyone = await ok({ title: 'Maintenance Sunday', body: 'Hall B power work 02:00–04:00 UTC.' });
    await ok({ title: 'VIP only', body: 'New immersion racks.', tier: 'VIP' });
    await ok({ title: 'Site B only', body: 'Road closed.', siteId: siteB });
    await ok({ title: 'Tomorrow', body: 'Not yet.', publishAt: future });
    await ok({ title: 'Gone', body: 'Expired.', publishAt: new Date(Date.now() - 7_200_000).toISOString(), expiresAt: past });
    const titles = async (customerId: string) => (await portalAnnouncements(db, clientScope(customerId), clientUserId, new Date())).map((a) => a.title).sort();
    expect(await titles(vip)).toEqual(['Maintenance Sunday', 'VIP only']);
    expect(await titles(standard)).toEqual(['Maintenance Sunday', 'Site B only']);

    signedIn.actor = { ...testActor(orgId, 'CLIENT', clientUserId), scope: clientScope(vip) };
    expect(await markAnnouncementReadAction(null, formData({ id: everyone }))).toEqual({ ok: true, data: { id: everyone } });
    expect(await markAnnouncementReadAction(null, formData({ id: everyone }))).toEqual({ ok: true, data: { id: everyone } });
    const shown = await portalAnnouncements(db, clientScope(vip), clientUserId, new Date());
    expect(shown.map((a) => [a.title, a.readAt !== null])).toEqual([
      ['VIP only', false],
      ['Maintenance Sunday', true],
    ]);
  });

  it('refuses an expiry before publication, a client publishing, a site of another organization, and reading one not aimed at you', async () => {
    signedIn.actor = testActor(orgId, 'ADMIN', adminId);
    expect(await createAnnouncementAction(null, formData({ title: 'x', body: 'y', publishAt: '2026-12-10T10:00:00Z', expiresAt: '2026-12-09T10:00:00Z' }))).toEqual({ ok: false, code: 'VALIDATION', fieldErrors: { expiresAt: 'outOfRange' } });
    expect(await createAnnouncementAction(null, formData({ title: '', body: 'y' }))).toEqual({ ok: false, code: 'VALIDATION', fieldErrors: { title: 'required' } });
    const other = await makeOrg(db, 'Other');
    const foreignSite = await makeSite(db, other.id);
    expect(await createAnnouncementAction(null, formData({ title: 'x', body: 'y', siteId: foreignSite.id }))).toEqual({ ok: false, code: 'VALIDATION', fieldErrors: { siteId: 'invalid' } });
    signedIn.actor = testActor(orgId, 'MINING_SITE_OWNER', adminId, [siteA]);
    expect(await createAnnouncementAction(null, formData({ title: 'x', body: 'y' }))).toEqual({ ok: false, code: 'FORBIDDEN' });
    signedIn.actor = { ...testActor(orgId, 'CLIENT', clientUserId), scope: clientScope(standard) };
    expect(await createAnnouncementAction(null, formData({ title: 'x', body: 'y' }))).toEqual({ ok: false, code: 'FORBIDDEN' });
    const [vipOnly] = (await portalAnnouncements(db, clientScope(vip), clientUserId, new Date())).filter((a) => a.title === 'VIP only');
    expect(await markAnnouncementReadAction(null, formData({ id: vipOnly!.id }))).toEqual({ ok: false, code: 'NOT_FOUND' });
  });
});
