import { signedIn } from '../helpers/signed-in';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { listAudit } from '@/db/queries/admin/audit';
import { resolveMinerRows } from '@/lib/hosting/resolve-miner-rows';
import { insertMiners, setMinerStatus, updateMiner } from '@/db/queries/hosting/miner-writes';
import { createTicket } from '@/db/queries/hosting/ticket-writes';
import { auditLog, edgeCommands, minerModels } from '@/db/schema';
import type { Role } from '@/lib/core/roles';
import { type Scope, scopeFor } from '@/lib/core/scope';
import { createTicketSchema } from '@/lib/validation/tickets';
import { formData, testActor } from '../helpers/actor';
import { createTestDb } from '../helpers/db';
import { makeMiner, makeOrg, makeSite, makeUser } from '../helpers/fixtures';
import { listCommands } from '@/db/queries/edge/commands';
import { setDevicePublicKey } from '@/db/queries/edge/credentials';
import { exportPublicKey, generateCollectorKeyPair, openCommandSecret } from '@/lib/edge/crypto';
import { issueDeviceToken } from '@/lib/edge/devices';

// The actions run for real against the test database; only the signed-in user and Next's cache are stood in for.

const { queueCommandAction } = await import('@/lib/actions/edge/queue-command');
const { savePoolAccountAction } = await import('@/lib/actions/pool/save-pool-account');
const { addWebhookChannelAction } = await import('@/lib/actions/alerts/add-webhook-channel');

let db: Db;
let drop: () => Promise<void>;
let orgId: string;
const ids: Record<string, string> = {};
let owner: Scope;
let siteOwnerA: Scope;
let siteOwnerB: Scope;
let model: string;

const POOL_PASSWORD = 'pool-pass-7f3a9c';
const API_KEY = 'antpool-api-key-51d0e2';
const NEW_API_KEY = 'antpool-api-key-9b77aa';

const actorOf = (role: Role, userId: string, siteIds: string[] = []) => testActor(orgId, role, userId, siteIds, { email: `${role.toLowerCase()}@example.test` });
const auditText = async () => JSON.stringify(await db.select().from(auditLog));
const actionsFor = async (scope: Scope) => (await listAudit(db, scope, { page: 1, pageSize: 100 })).rows.map((r) => `${r.action}:${r.entityId}`);

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  signedIn.db = db;
  orgId = (await makeOrg(db)).id;
  const a = await makeSite(db, orgId, 'Alpha');
  const b = await makeSite(db, orgId, 'Bravo');
  const ownerUser = await makeUser(db, { orgId, role: 'OWNER' });
  const operator = await makeUser(db, { orgId, role: 'OPERATOR', siteIds: [a.id] });
  const mA = await makeMiner(db, { orgId, siteId: a.id });
  const mB = await makeMiner(db, { orgId, siteId: b.id });
  Object.assign(ids, { a: a.id, b: b.id, owner: ownerUser.user.id, operator: operator.user.id, mA: mA.id, mB: mB.id });
  owner = scopeFor({ orgId, role: 'OWNER', assignedSiteIds: [], linkedCustomerIds: [] });
  siteOwnerA = scopeFor({ orgId, role: 'MINING_SITE_OWNER', assignedSiteIds: [a.id], linkedCustomerIds: [] });
  siteOwnerB = scopeFor({ orgId, role: 'MINING_SITE_OWNER', assignedSiteIds: [b.id], linkedCustomerIds: [] });
  model = (await db.select({ name: minerModels.name }).from(minerModels).limit(1))[0]!.name;
});
afterAll(async () => drop());

describe('secrets never reach audit_log', () => {
  it("keeps a pool-change command's password out of the entry (the command carries it sealed to the site's collector)", async () => {
    // A pool password is sealed to the site's collector key, so the site needs a collector.
    const keys = generateCollectorKeyPair(1);
    const { device } = await issueDeviceToken(db, { orgId, sites: 'all', customers: 'all' }, null, { siteId: ids.a!, name: 'alpha collector' });
    await setDevicePublicKey(db, device.id, exportPublicKey(keys));
    signedIn.actor = actorOf('OPERATOR', ids.operator!, [ids.a!]);
    const res = await queueCommandAction(null, formData({ type: 'POOL_SET', minerIds: [ids.mA!], url: 'stratum+tcp://pool.example:3333', user: 'farm.001', password: POOL_PASSWORD }));
    expect(res).toMatchObject({ ok: true, data: { queued: 1 } });
    const [command] = await db.select().from(edgeCommands).where(eq(edgeCommands.minerId, ids.mA!));
    const params = command!.params as Record<string, unknown>;
    expect(params).toMatchObject({ url: 'stratum+tcp://pool.example:3333', user: 'farm.001' });
    expect(params.password).toBeUndefined();
    expect(openCommandSecret(params.password_sealed, [keys], { tenantId: orgId, siteId: ids.a! })).toBe(POOL_PASSWORD);
    expect(JSON.stringify(command)).not.toContain(POOL_PASSWORD);
    expect(await auditText()).not.toContain(POOL_PASSWORD);
    const entries = await db.select().from(auditLog).where(eq(auditLog.siteIds, [ids.a!]));
    expect(entries.some((e) => e.action.startsWith('edge.command.'))).toBe(true);
  });

  it('keeps the pool password out of the commands list people read', async () => {
    const page = await listCommands(db, owner, { minerId: ids.mA! }, { page: 1, pageSize: 25 });
    const poolSet = page.rows.find((r) => r.commandType === 'POOL_SET');
    expect(poolSet!.params).toMatchObject({ url: 'stratum+tcp://pool.example:3333', user: 'farm.001' });
    expect(JSON.stringify(page.rows)).not.toContain(POOL_PASSWORD);
  });

  it("keeps a pool account's API key out of the entries, old and new, while saying the secret changed", async () => {
    signedIn.actor = actorOf('OWNER', ids.owner!);
    const created = await savePoolAccountAction(null, formData({ label: 'Main', userId: 'farm-main', apiKey: API_KEY, secret: 'pool-secret-abc', workerPattern: '^[^.]+\\.(.+)$' }));
    expect(created).toMatchObject({ ok: true });
    const id = created.ok ? (created.data as { id: string }).id : '';
    expect(await savePoolAccountAction(null, formData({ id, label: 'Main', userId: 'farm-main', apiKey: NEW_API_KEY, workerPattern: '^[^.]+\\.(.+)$' }))).toMatchObject({ ok: true });
    const text = await auditText();
    for (const secret of [API_KEY, NEW_API_KEY, 'pool-secret-abc']) expect(text).not.toContain(secret);
    const [update] = await db.select().from(auditLog).where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'pool.account.update')));
    expect(update).toMatchObject({ before: { apiKey: '[redacted]', label: 'Main' }, after: { apiKey: '[redacted]', secretChanged: false }, siteIds: [] });
  });
});

describe('who reads which entries', () => {
  beforeAll(async () => {
    signedIn.actor = actorOf('OWNER', ids.owner!);
    expect(await addWebhookChannelAction(null, formData({ label: 'Admin hook', url: 'https://hooks.example.com/admin-only', secret: 'whsec-0123456789abcdef' }))).toMatchObject({ ok: true });
    const who = { orgId, userId: ids.owner!, scope: owner };
    await setMinerStatus(db, who, ids.mA!, 'maintenance');
    await setMinerStatus(db, who, ids.mB!, 'maintenance');
    const { valid } = await resolveMinerRows(db, owner, [
      { name: 'new-a', site: 'Alpha', model, serial: 'NA1' },
      { name: 'new-b', site: 'Bravo', model, serial: 'NB1' },
    ]);
    await insertMiners(db, who, valid.map((v) => v.value));
    const { valid: moved } = await resolveMinerRows(db, owner, [{ name: 'moved', siteId: ids.b!, model }], { excludeMinerId: ids.mA });
    await updateMiner(db, who, ids.mA!, moved[0]!.value);
    const ticket = await createTicket(db, who, createTicketSchema.parse({ title: 'Fan', body: 'Loud', priority: 'low', siteId: ids.b }), new Date());
    ids.ticketB = ticket.ticket.id;
  });

  it('gives owners the whole organization, and a site owner only entries about its sites', async () => {
    const all = await actionsFor(owner);
    expect(all).toEqual(expect.arrayContaining([`miner.status:${ids.mA}`, `miner.status:${ids.mB}`, `ticket.create:${ids.ticketB}`, expect.stringMatching(/^notification_channel\.create:/), expect.stringMatching(/^pool\.account\.update:/)]));

    const a = await actionsFor(siteOwnerA);
    expect(a).toContain(`miner.status:${ids.mA}`);
    expect(a).toContain(`miner.update:${ids.mA}`);
    expect(a.some((x) => x.startsWith('edge.command.'))).toBe(true);
    expect(a).not.toContain(`miner.status:${ids.mB}`);
    expect(a).not.toContain(`ticket.create:${ids.ticketB}`);
    // Organization-wide objects: an administrator's webhook (its URL), pool accounts.
    expect(a.some((x) => x.startsWith('notification_channel.') || x.startsWith('pool.account.'))).toBe(false);
    const text = JSON.stringify((await listAudit(db, siteOwnerA, { page: 1, pageSize: 100 })).rows);
    expect(text).not.toContain('hooks.example.com');
    expect(text).not.toContain('new-b');
  });

  it('shows a miner moved between sites to both sites, and splits a batch across sites into one entry per site', async () => {
    expect(await actionsFor(siteOwnerB)).toContain(`miner.update:${ids.mA}`);
    const batch = await db.select().from(auditLog).where(eq(auditLog.action, 'miner.batch_create'));
    expect(batch.map((e) => e.siteIds).sort()).toEqual([[ids.a], [ids.b]].sort());
    const a = (await listAudit(db, siteOwnerA, { page: 1, pageSize: 100 })).rows.filter((r) => r.action === 'miner.batch_create');
    expect(a).toHaveLength(1);
    expect(a[0]!.after).toMatchObject({ name: 'new-a' });
  });

  it('gives a role without sites, and a customer, nothing', async () => {
    expect((await listAudit(db, scopeFor({ orgId, role: 'MINING_SITE_OWNER', assignedSiteIds: [], linkedCustomerIds: [] }), { page: 1, pageSize: 25 })).total).toBe(0);
    expect((await listAudit(db, scopeFor({ orgId, role: 'CLIENT', assignedSiteIds: [], linkedCustomerIds: ['00000000-0000-4000-8000-000000000000'] }), { page: 1, pageSize: 25 })).total).toBe(0);
    expect((await listAudit(db, { ...owner, orgId: (await makeOrg(db, 'Other')).id }, { page: 1, pageSize: 25 })).total).toBe(0);
  });
});
