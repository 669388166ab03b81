import { signedIn } from '../helpers/signed-in';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/db/client';
import { getBatchProgress } from '@/db/queries/edge/batches';
import { listMinerTickets, listTicketMiners } from '@/db/queries/hosting/tickets';
import { setDevicePublicKey } from '@/db/queries/edge/credentials';
import { auditLog, edgeCommandBatches, edgeCommands, minerModels, miners, minerTelemetryLive, rateLimitBuckets, ticketMiners, tickets } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import type { Role } from '@/lib/core/roles';
import { scopeFor } from '@/lib/core/scope';
import { exportPublicKey, generateCollectorKeyPair, openCommandSecret } from '@/lib/edge/crypto';
import { issueDeviceToken } from '@/lib/edge/devices';
import { formData, testActor } from '../helpers/actor';
import { createTestDb } from '../helpers/db';
import { makeCustomer, makeOrg, makeSite, makeUser } from '../helpers/fixtures';
import { ensureMinerModels } from '@/db/seed/ensure-miner-models';
import { vendorsRefusing } from '@/lib/domain/edge/firmware-family';

// The bulk actions run for real against the test database; only the signed-in user is stood in for.
const { bulkCommandAction } = await import('@/lib/actions/edge/bulk-command');
const { bulkPreviewAction } = await import('@/lib/actions/edge/bulk-preview');
const { queueCommandAction } = await import('@/lib/actions/edge/queue-command');
const { bulkMoveAction } = await import('@/lib/actions/hosting/bulk-move');
const { bulkStatusAction } = await import('@/lib/actions/hosting/bulk-status');
const { bulkTicketAction } = await import('@/lib/actions/hosting/bulk-ticket');
const exportRoute = await import('@/app/api/hosting/miners/export/route');
const batchRoute = await import('@/app/api/hosting/edge/batches/[id]/route');

let db: Db;
let drop: () => Promise<void>;
let orgId: string;
const ids: Record<string, string> = {};
const model: Record<string, number> = {};
let n = 0;
const refusesReboot = vendorsRefusing('REBOOT').find((v) => v !== 'unknown')!;

async function addMiners(count: number, siteId: string, modelId: number, customerId: string | null = null, prefix = 'BK') {
  const rows = Array.from({ length: count }, () => ({ orgId, siteId, modelId, customerId, name: `${prefix}-${String(n++).padStart(3, '0')}` }));
  return db.insert(miners).values(rows).returning({ id: miners.id });
}

const actorOf = (role: Role, userId: string, siteIds: string[] = []) => testActor(orgId, role, userId, siteIds);
const clientOf = (userId: string, customerId: string): Actor => ({ ...testActor(orgId, 'CLIENT', userId), scope: scopeFor({ orgId, role: 'CLIENT', assignedSiteIds: [], linkedCustomerIds: [customerId] }) });
const batchAudits = (batchId: string) => db.select().from(auditLog).where(and(eq(auditLog.entityType, 'edge_command_batch'), eq(auditLog.entityId, batchId)));

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  signedIn.db = db;
  await ensureMinerModels(db);
  orgId = (await makeOrg(db)).id;
  const [lux] = await db.insert(minerModels).values({ vendor: 'luxos', name: 'Bulk test S19 (LuxOS)', hashrateThs: '95', powerW: 3250 }).returning();
  // A firmware the capability table says takes no reboot (whichever it is as firmware support grows).
  const [noReboot] = await db.insert(minerModels).values({ vendor: refusesReboot, name: 'Bulk test no-reboot model', hashrateThs: '100', powerW: 3000 }).returning();
  const all = await db.select({ id: minerModels.id, name: minerModels.name }).from(minerModels);
  model.avalon = all.find((m) => m.name === 'Avalon A1366')!.id;
  model.noReboot = noReboot!.id;
  model.luxos = lux!.id;
  const siteA = await makeSite(db, orgId, 'Alpha');
  const siteB = await makeSite(db, orgId, 'Bravo');
  const siteC = await makeSite(db, orgId, 'Charlie');
  const custA = await makeCustomer(db, orgId);
  const custB = await makeCustomer(db, orgId);
  // Alpha: 6 Avalon (3 of customer A, 3 of B) and 4 of a firmware without reboot; Bravo: 3 Avalon; Charlie: 2 LuxOS, Alpha 2 LuxOS.
  await addMiners(3, siteA.id, model.avalon, custA.id, 'AV');
  await addMiners(3, siteA.id, model.avalon, custB.id, 'AV');
  await addMiners(4, siteA.id, model.noReboot, null, 'WM');
  await addMiners(3, siteB.id, model.avalon, null, 'BV');
  await addMiners(2, siteC.id, model.luxos, null, 'LX');
  await addMiners(2, siteA.id, model.luxos, null, 'LX');
  const owner = await makeUser(db, { orgId, role: 'OWNER' });
  const operator = await makeUser(db, { orgId, role: 'OPERATOR', siteIds: [siteB.id] });
  const client = await makeUser(db, { orgId, role: 'CLIENT' });
  Object.assign(ids, { siteA: siteA.id, siteB: siteB.id, siteC: siteC.id, custA: custA.id, custB: custB.id, owner: owner.user.id, operator: operator.user.id, client: client.user.id });
});
afterAll(async () => drop());

describe('bulk commands on a selection', () => {
  it('previews a filter: the count per firmware family and which take the command', async () => {
    signedIn.actor = actorOf('OWNER', ids.owner!);
    const res = await bulkPreviewAction({ selection: { mode: 'filter', filter: { siteId: ids.siteA } }, type: 'REBOOT' });
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.data.total).toBe(12);
    expect(res.data.acting).toBe(8);
    expect(res.data.families).toEqual([
      { family: 'avalon', miners: 6, support: 'supported' },
      { family: refusesReboot, miners: 4, support: 'unsupported' },
      { family: 'luxos', miners: 2, support: 'supported' },
    ]);
    expect(res.data.unsupported.map((u) => u.name)).toEqual(['WM-006', 'WM-007', 'WM-008', 'WM-009']);
  });

  it('reads the firmware the collector identified before the model’s vendor', async () => {
    signedIn.actor = actorOf('OWNER', ids.owner!);
    const site = await makeSite(db, orgId, 'Delta');
    const [flashed, stock] = await addMiners(2, site.id, model.noReboot!, null, 'DL');
    // The first runs LuxOS (which reboots) on hardware whose catalogue vendor does not.
    await db.insert(minerTelemetryLive).values({ minerId: flashed!.id, orgId, siteId: site.id, collectedAt: new Date(), online: true, vendor: 'luxos' });
    const res = await bulkPreviewAction({ selection: { mode: 'ids', ids: [flashed!.id, stock!.id] }, type: 'REBOOT' });
    expect(res).toMatchObject({ ok: true, data: { total: 2, acting: 1 } });
    if (res.ok) expect(res.data.families).toEqual(expect.arrayContaining([{ family: 'luxos', miners: 1, support: 'supported' }, { family: refusesReboot, miners: 1, support: 'unsupported' }]));
    await db.delete(miners).where(eq(miners.siteId, site.id));
  });

  it('queues one batch for "all matching the filter", skips unsupported firmware, and audits once', async () => {
    signedIn.actor = actorOf('OWNER', ids.owner!);
    const res = await bulkCommandAction({ type: 'REBOOT', params: {}, selection: { mode: 'filter', filter: { siteId: ids.siteA } } });
    expect(res).toMatchObject({ ok: true, data: { matched: 12, queued: 8, skipped: { unsupported: 4 } } });
    if (!res.ok) return;
    const commands = await db.select().from(edgeCommands).where(eq(edgeCommands.batchId, res.data.batchId));
    expect(commands).toHaveLength(8);
    expect(new Set(commands.map((c) => c.siteId))).toEqual(new Set([ids.siteA]));
    expect(commands.every((c) => c.status === 'QUEUED' && c.commandType === 'REBOOT' && c.requestedBy === ids.owner)).toBe(true);
    const audits = await batchAudits(res.data.batchId);
    expect(audits).toHaveLength(1);
    expect(audits[0]!.after).toMatchObject({ type: 'REBOOT', matched: 12, queued: 8, skipped: { unsupported: 4 } });
    // No per-command audit entries for a batch: one entry for the whole batch.
    const perCommand = await db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(and(eq(auditLog.action, 'edge.command.queue')));
    expect(perCommand[0]!.n).toBe(0);
    const progress = await getBatchProgress(db, { orgId, sites: 'all', customers: 'all' }, res.data.batchId);
    expect(progress).toMatchObject({ matched: 12, counts: { queued: 8, leased: 0, succeeded: 0, failed: 0 }, done: false });
    expect(progress!.skipped.map((s) => s.reason)).toEqual(['unsupported', 'unsupported', 'unsupported', 'unsupported']);
  });

  it('resolves the filter under the actor’s scope: a site-bound operator reaches only its site', async () => {
    signedIn.actor = actorOf('OPERATOR', ids.operator!, [ids.siteB!]);
    const res = await bulkCommandAction({ type: 'SLEEP', params: {}, selection: { mode: 'filter', filter: {} } });
    expect(res).toMatchObject({ ok: true, data: { matched: 3, queued: 3 } });
    if (!res.ok) return;
    const commands = await db.select({ siteId: edgeCommands.siteId }).from(edgeCommands).where(eq(edgeCommands.batchId, res.data.batchId));
    expect(commands.every((c) => c.siteId === ids.siteB)).toBe(true);
    // Ticked ids of another site are not in its scope: nothing matches.
    const alpha = await db.select({ id: miners.id }).from(miners).where(eq(miners.siteId, ids.siteA!)).limit(3);
    expect(await bulkCommandAction({ type: 'SLEEP', params: {}, selection: { mode: 'ids', ids: alpha.map((m) => m.id) } })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    // The operator's batch is invisible to a reader of another site only.
    expect(await getBatchProgress(db, { orgId, sites: [ids.siteC!], customers: 'all' }, res.data.batchId)).toBeNull();
  });

  it('a client may not queue commands, even on its own miners', async () => {
    signedIn.actor = clientOf(ids.client!, ids.custA!);
    expect(await bulkCommandAction({ type: 'REBOOT', params: {}, selection: { mode: 'filter', filter: {} } })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await db.select().from(edgeCommands).where(eq(edgeCommands.requestedBy, ids.client!))).toHaveLength(0);
  });

  it('keeps each miner within its rate limit: a miner at its limit is skipped, the rest queued', async () => {
    signedIn.actor = actorOf('OWNER', ids.owner!);
    const bravo = { mode: 'filter' as const, filter: { siteId: ids.siteB } };
    const [one] = await db.select({ id: miners.id }).from(miners).where(eq(miners.siteId, ids.siteB!)).orderBy(miners.name).limit(1);
    // Reboots: 5 per 300 s per miner. One Bravo miner has used all five already.
    await db.insert(rateLimitBuckets).values({ key: `edge-cmd:reboot:${one!.id}`, windowStart: new Date(), count: 5 });
    const res = await bulkCommandAction({ type: 'REBOOT', params: {}, selection: bravo });
    expect(res).toMatchObject({ ok: true, data: { matched: 3, queued: 2, skipped: { rate_limited: 1 } } });
    const [bucket] = await db.select().from(rateLimitBuckets).where(eq(rateLimitBuckets.key, `edge-cmd:reboot:${one!.id}`));
    expect(bucket!.count).toBe(5);
    for (let i = 0; i < 4; i++) await bulkCommandAction({ type: 'REBOOT', params: {}, selection: bravo });
    const sixth = await bulkCommandAction({ type: 'REBOOT', params: {}, selection: bravo });
    expect(sixth).toMatchObject({ ok: true, data: { matched: 3, queued: 0, skipped: { rate_limited: 3 } } });
  });

  it('seals a pool password to the site’s collectors: never in clear in commands, batches, audit or logs', async () => {
    signedIn.actor = actorOf('OWNER', ids.owner!);
    const PASSWORD = `pool-pw-${Date.now()}`;
    const scope = { orgId, sites: 'all' as const, customers: 'all' as const };
    const keys = generateCollectorKeyPair(1);
    const { device } = await issueDeviceToken(db, scope, null, { siteId: ids.siteC!, name: 'charlie collector' });
    await setDevicePublicKey(db, device.id, exportPublicKey(keys));
    const printed: string[] = [];
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((k) => vi.spyOn(console, k).mockImplementation((...a: unknown[]) => void printed.push(a.map(String).join(' '))));
    const res = await bulkCommandAction({
      type: 'POOL_SET',
      params: { url: 'stratum+tcp://pool.example:3333', user: 'farm.w1', password: PASSWORD },
      selection: { mode: 'filter', filter: { modelId: model.luxos } },
    });
    for (const s of spies) s.mockRestore();
    // Charlie has a collector key; Alpha's two LuxOS miners have none to seal to and are skipped.
    expect(res).toMatchObject({ ok: true, data: { matched: 4, queued: 2, skipped: { no_collector_key: 2 } } });
    if (!res.ok) return;
    const commands = await db.select().from(edgeCommands).where(eq(edgeCommands.batchId, res.data.batchId));
    const dump = JSON.stringify(await db.execute(sql`select row_to_json(x)::text from (select * from edge_commands) x`)) + JSON.stringify(await db.select().from(edgeCommandBatches)) + JSON.stringify(await db.select().from(auditLog));
    expect(dump).not.toContain(PASSWORD);
    expect(printed.join('\n')).not.toContain(PASSWORD);
    const params = commands[0]!.params as Record<string, unknown>;
    expect(params).toMatchObject({ url: 'stratum+tcp://pool.example:3333', user: 'farm.w1' });
    expect(params.password).toBeUndefined();
    // Only the site's collector opens it; bound to its tenant and site.
    expect(openCommandSecret(params.password_sealed, [keys], { tenantId: orgId, siteId: ids.siteC! })).toBe(PASSWORD);
    expect(() => openCommandSecret(params.password_sealed, [keys], { tenantId: orgId, siteId: ids.siteA! })).toThrow();
    expect(() => openCommandSecret(params.password_sealed, [generateCollectorKeyPair(1)], { tenantId: orgId, siteId: ids.siteC! })).toThrow();

    // The one-miner form takes the same road: its password is sealed too, never queued in clear.
    const SECOND = `${PASSWORD}-single`;
    const single = await queueCommandAction(null, formData({ type: 'POOL_SET', minerIds: [commands[0]!.minerId], url: 'stratum+tcp://pool.example:3333', user: 'farm.w2', password: SECOND }));
    expect(single).toMatchObject({ ok: true, data: { queued: 1 } });
    const after = JSON.stringify(await db.execute(sql`select row_to_json(x)::text from (select * from edge_commands) x`)) + JSON.stringify(await db.select().from(auditLog));
    expect(after).not.toContain(SECOND);
    expect(after).toContain('farm.w2');
  });
});

describe('bulk edits on a selection', () => {
  it('sets the administrative status of a filter’s miners with one audit entry', async () => {
    signedIn.actor = actorOf('OWNER', ids.owner!);
    const res = await bulkStatusAction({ selection: { mode: 'filter', filter: { siteId: ids.siteB } }, status: 'maintenance' });
    expect(res).toMatchObject({ ok: true, data: { updated: 3 } });
    const rows = await db.select({ status: miners.status }).from(miners).where(eq(miners.siteId, ids.siteB!));
    expect(rows.every((r) => r.status === 'maintenance')).toBe(true);
    expect(await db.select().from(auditLog).where(eq(auditLog.action, 'miner.bulk_status'))).toHaveLength(1);
    // The filter's own status field narrows as on the list: none are active any more.
    expect(await bulkStatusAction({ selection: { mode: 'filter', filter: { siteId: ids.siteB, status: 'active' } }, status: 'offline' })).toMatchObject({ ok: true, data: { updated: 0 } });
  });

  it('moves a selection to a site in scope; a site-bound operator cannot move to a site it does not hold', async () => {
    signedIn.actor = actorOf('OWNER', ids.owner!);
    const res = await bulkMoveAction({ selection: { mode: 'filter', filter: { siteId: ids.siteC } }, siteId: ids.siteB, customerId: ids.custB });
    expect(res).toMatchObject({ ok: true, data: { updated: 2 } });
    expect(await db.select().from(miners).where(eq(miners.siteId, ids.siteC!))).toHaveLength(0);
    signedIn.actor = actorOf('OPERATOR', ids.operator!, [ids.siteB!]);
    expect(await bulkMoveAction({ selection: { mode: 'filter', filter: {} }, siteId: ids.siteA })).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { siteId: 'invalid' } });
    expect(await db.select().from(miners).where(eq(miners.siteId, ids.siteB!))).toHaveLength(5);
    expect(await db.select().from(auditLog).where(eq(auditLog.action, 'miner.bulk_move'))).toHaveLength(1);
  });

  it('opens one ticket for many machines; a client’s filter reaches only its own machines', async () => {
    signedIn.actor = clientOf(ids.client!, ids.custA!);
    const res = await bulkTicketAction({ selection: { mode: 'filter', filter: {} }, title: 'Fans loud on my units', body: '', priority: 'normal' });
    expect(res).toMatchObject({ ok: true, data: { miners: 3 } });
    if (!res.ok) return;
    const [ticket] = await db.select().from(tickets).where(eq(tickets.id, res.data.id));
    expect(ticket).toMatchObject({ customerId: ids.custA, siteId: null, minerId: null });
    const linked = await db.select({ customerId: miners.customerId }).from(ticketMiners).innerJoin(miners, eq(miners.id, ticketMiners.minerId)).where(eq(ticketMiners.ticketId, res.data.id));
    expect(linked).toHaveLength(3);
    expect(linked.every((m) => m.customerId === ids.custA)).toBe(true);
    // The ticket page lists its machines, and each machine's page lists the ticket.
    const clientScope = clientOf(ids.client!, ids.custA!).scope;
    const machines = await listTicketMiners(db, clientScope, res.data.id);
    expect(machines.total).toBe(3);
    expect((await listMinerTickets(db, clientScope, machines.rows[0]!.id)).rows.map((r) => r.id)).toContain(res.data.id);
    // Ticked ids of another customer's machines match nothing in its scope.
    const others = await db.select({ id: miners.id }).from(miners).where(eq(miners.customerId, ids.custB!)).limit(2);
    expect(await bulkTicketAction({ selection: { mode: 'ids', ids: others.map((m) => m.id) }, title: 'Not mine', body: '', priority: 'low' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    // Staff: machines on several sites do not make one ticket.
    signedIn.actor = actorOf('OWNER', ids.owner!);
    expect(await bulkTicketAction({ selection: { mode: 'filter', filter: {} }, title: 'Everything', body: '', priority: 'low' })).toMatchObject({ ok: false, code: 'VALIDATION' });
  });
});

describe('export and progress routes', () => {
  it('exports every miner the filter shows (all pages) with the live columns, as CSV and XLSX', async () => {
    signedIn.actor = actorOf('OWNER', ids.owner!);
    const res = await exportRoute.GET(new Request(`http://127.0.0.1/api/hosting/miners/export?format=csv&siteId=${ids.siteA}&pageSize=25`), { params: Promise.resolve({}) });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="miners-.*\.csv"/);
    const lines = (await res.text()).replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(lines[0]).toBe('Name,State,State source,Hashrate (TH/s),Hashrate source,Max chip (°C),Power (W),Power source,Last seen (UTC),Status,Model,Site,Customer,IP,MAC,Serial,Pool worker');
    expect(lines).toHaveLength(1 + 12);
    expect(lines.slice(1).every((l) => l.includes(',unknown,none,') && l.includes(',Alpha,'))).toBe(true);
    const xlsx = await exportRoute.GET(new Request(`http://127.0.0.1/api/hosting/miners/export?format=xlsx&siteId=${ids.siteA}`), { params: Promise.resolve({}) });
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    expect(new Uint8Array(await xlsx.arrayBuffer()).slice(0, 2)).toEqual(new Uint8Array([0x50, 0x4b]));
    // A client exports only its own machines, whatever the filter says.
    signedIn.actor = clientOf(ids.client!, ids.custA!);
    const own = await (await exportRoute.GET(new Request('http://127.0.0.1/api/hosting/miners/export?format=csv'), { params: Promise.resolve({}) })).text();
    expect(own.trim().split(/\r?\n/)).toHaveLength(1 + 3);
  });

  it('answers a batch’s progress to its readers and refuses a client (403)', async () => {
    signedIn.actor = actorOf('OWNER', ids.owner!);
    const queued = await bulkCommandAction({ type: 'WAKE', params: {}, selection: { mode: 'filter', filter: { siteId: ids.siteA } } });
    if (!queued.ok) throw new Error('not queued');
    const res = await batchRoute.GET(new Request(`http://127.0.0.1/api/hosting/edge/batches/${queued.data.batchId}`), { params: Promise.resolve({ id: queued.data.batchId }) });
    const body = (await res.json()) as { progress: { counts: { queued: number }; done: boolean }; commands: { total: number } };
    expect(body.progress).toMatchObject({ counts: { queued: queued.data.queued }, done: false });
    expect(body.commands.total).toBe(queued.data.queued);
    signedIn.actor = clientOf(ids.client!, ids.custA!);
    expect((await batchRoute.GET(new Request(`http://127.0.0.1/api/hosting/edge/batches/${queued.data.batchId}`), { params: Promise.resolve({ id: queued.data.batchId }) })).status).toBe(403);
  });
});
