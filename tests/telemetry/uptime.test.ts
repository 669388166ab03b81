import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { listMiners, UPTIME_PAGE_MAX } from '@/db/queries/hosting/miners';
import { minerUptimes } from '@/db/queries/telemetry/uptime';
import { minerModels, miners, minerTelemetryLive, poolAccounts, poolWorkerLinks, poolWorkers, telemetryDaily, telemetryHistory5min } from '@/db/schema';
import { ensureMinerModels } from '@/db/seed/ensure-miner-models';
import { scopeFor } from '@/lib/core/scope';
import { createTestDb } from '../helpers/db';
import { makeCustomer, makeOrg, makeSite } from '../helpers/fixtures';

const NOW = new Date('2026-12-06T12:00:00Z');
const HOUR = 3_600_000;
const ago = (ms: number) => new Date(NOW.getTime() - ms);

let db: Db;
let drop: () => Promise<void>;
let orgId: string;
let customerId: string;
const ids: Record<string, string> = {};

/* One miner per basis of the 24 h uptime rule, each with what the ones above it lack. */
beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  await ensureMinerModels(db);
  const [model] = await db.select({ id: minerModels.id }).from(minerModels).limit(1);
  const org = await makeOrg(db, 'Uptime');
  orgId = org.id;
  const site = await makeSite(db, orgId, 'Main');
  customerId = (await makeCustomer(db, orgId, 'uptime@example.test')).id;
  const names = ['history', 'daily', 'live', 'pool', 'nameplate-active', 'nameplate-maint'];
  const rows = await db
    .insert(miners)
    .values(names.map((name) => ({ orgId, siteId: site.id, customerId: name === 'nameplate-maint' ? null : customerId, modelId: model!.id, name, workerName: `acct.${name}`, status: name === 'nameplate-maint' ? ('maintenance' as const) : ('active' as const) })))
    .returning({ id: miners.id, name: miners.name });
  for (const r of rows) ids[r.name] = r.id;
  const at = { orgId, siteId: site.id };
  // history: 144 online buckets in the window (half of 288), one outside it that must not count; a live reading and a pool it must win over.
  await db.insert(telemetryHistory5min).values([
    ...Array.from({ length: 144 }, (_, i) => ({ ...at, minerId: ids.history!, bucket: ago((i + 1) * 300_000), samples: 5, onlineSamples: 5, onlineRatio: 1 })),
    { ...at, minerId: ids.history!, bucket: ago(25 * HOUR), samples: 5, onlineSamples: 5, onlineRatio: 1 },
  ]);
  // daily: no 5-minute rows; yesterday 18 h up (today's day has no row yet).
  await db.insert(telemetryDaily).values({ ...at, minerId: ids.daily!, day: '2026-12-05', samples: 288, onlineRatio: 0.75, energyWh: 0, uptimeHours: 18 });
  await db.insert(minerTelemetryLive).values([
    { ...at, minerId: ids.history!, collectedAt: ago(60_000), online: true, uptimeS: 60 },
    { ...at, minerId: ids.live!, collectedAt: ago(60_000), online: true, uptimeS: 6 * 3600 },
  ]);
  const [account] = await db.insert(poolAccounts).values({ orgId, label: 'Main', userId: 'uptime' }).returning();
  const hour = (name: string, h: number, status: 'online' | 'offline') => ({ accountId: account!.id, workerName: `acct.${name}`, recordedAt: ago(h * HOUR), hs10m: '0', hs1h: '0', hs1d: '0', status });
  // pool: 3 of 4 reported hours online in the window; an offline hour 30 h ago must not count.
  await db.insert(poolWorkers).values([hour('pool', 1, 'online'), hour('pool', 2, 'online'), hour('pool', 3, 'offline'), hour('pool', 4, 'online'), hour('pool', 30, 'offline'), hour('history', 1, 'offline')]);
  await db.insert(poolWorkerLinks).values([
    { accountId: account!.id, workerName: 'acct.pool', minerId: ids.pool! },
    { accountId: account!.id, workerName: 'acct.history', minerId: ids.history! },
  ]);
});
afterAll(() => drop());

const EXPECTED = {
  history: { uptimePct: 50, uptimeSource: 'telemetry', uptimeBasis: 'history' },
  daily: { uptimePct: 75, uptimeSource: 'telemetry', uptimeBasis: 'daily' },
  live: { uptimePct: 25, uptimeSource: 'telemetry', uptimeBasis: 'live' },
  pool: { uptimePct: 75, uptimeSource: 'pool', uptimeBasis: 'pool' },
  'nameplate-active': { uptimePct: 100, uptimeSource: 'nameplate', uptimeBasis: 'nameplate' },
  'nameplate-maint': { uptimePct: 0, uptimeSource: 'nameplate', uptimeBasis: 'nameplate' },
};

describe('24 h uptime, measured first', () => {
  it('reads each miner from the first record that has it, and says which', async () => {
    const owner = scopeFor({ orgId, role: 'OWNER', assignedSiteIds: [], linkedCustomerIds: [] });
    const byId = await minerUptimes(db, owner, NOW, Object.values(ids));
    expect(Object.fromEntries(Object.entries(ids).map(([name, id]) => [name, byId.get(id)]))).toEqual(EXPECTED);
  });

  it('is on every row of the miner list page, and scoped', async () => {
    const owner = scopeFor({ orgId, role: 'OWNER', assignedSiteIds: [], linkedCustomerIds: [] });
    const list = await listMiners(db, owner, {}, { page: 1, pageSize: 10 }, NOW);
    expect(Object.fromEntries(list.rows.map((r) => [r.name, r.uptime]))).toEqual(EXPECTED);
    const client = scopeFor({ orgId, role: 'CLIENT', assignedSiteIds: [], linkedCustomerIds: [customerId] });
    expect([...(await minerUptimes(db, client, NOW, Object.values(ids))).keys()]).not.toContain(ids['nameplate-maint']);
  });

  it('is left out of pages too large for per-miner lookups (an export of every miner)', async () => {
    const owner = scopeFor({ orgId, role: 'OWNER', assignedSiteIds: [], linkedCustomerIds: [] });
    const all = await listMiners(db, owner, {}, { page: 1, pageSize: UPTIME_PAGE_MAX + 1 }, NOW);
    expect(all.rows).toHaveLength(6);
    expect(all.rows.every((r) => r.uptime === null)).toBe(true);
  });
});
