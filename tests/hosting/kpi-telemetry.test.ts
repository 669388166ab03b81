import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { uptimeKpis } from '@/db/queries/hosting/kpi-telemetry';
import { minerModels, miners, telemetryHistory5min } from '@/db/schema';
import { ensureMinerModels } from '@/db/seed/ensure-miner-models';
import { scopeFor } from '@/lib/core/scope';
import { createTestDb } from '../helpers/db';
import { makeOrg, makeSite } from '../helpers/fixtures';

let db: Db;
let drop: () => Promise<void>;
let orgId: string;
let siteA: string;
let siteB: string;
const now = new Date('2026-11-20T12:00:00Z');

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  await ensureMinerModels(db);
  const [model] = await db.select({ id: minerModels.id }).from(minerModels).limit(1);
  orgId = (await makeOrg(db)).id;
  siteA = (await makeSite(db, orgId, 'Alpha')).id;
  siteB = (await makeSite(db, orgId, 'Beta')).id;
  const row = (name: string, siteId: string, status: 'active' | 'sold' = 'active') => ({ orgId, siteId, modelId: model!.id, name, status });
  const [a1, a2, a3, b1] = await db.insert(miners).values([row('a1', siteA), row('a2', siteA), row('a3', siteA, 'sold'), row('b1', siteB)]).returning({ id: miners.id });
  // a1 online in every bucket of the day, a2 online in half of them, b1 in none, plus one bucket older than 24 h.
  const buckets = Array.from({ length: 288 }, (_, i) => new Date(now.getTime() - (i + 1) * 300_000));
  const h = (minerId: string, siteId: string, bucket: Date, ratio: number) => ({ minerId, orgId, siteId, bucket, samples: 5, onlineSamples: Math.round(ratio * 5), onlineRatio: ratio });
  await db.insert(telemetryHistory5min).values([
    ...buckets.map((b) => h(a1!.id, siteA, b, 1)),
    ...buckets.slice(0, 144).map((b) => h(a2!.id, siteA, b, 1)),
    ...buckets.map((b) => h(b1!.id, siteB, b, 0)),
    ...buckets.map((b) => h(a3!.id, siteA, b, 1)), // sold: not counted
    h(a1!.id, siteA, new Date(now.getTime() - 25 * 3_600_000), 1),
  ]);
});
afterAll(() => drop());

describe('uptimeKpis', () => {
  it('computes 24 h uptime over 288 buckets per miner in service', async () => {
    const k = await uptimeKpis(db, scopeFor({ orgId, role: 'OWNER', assignedSiteIds: [], linkedCustomerIds: [] }), now);
    expect(k.historyMiners).toBe(3);
    // (288 + 144 + 0) online buckets of 3 × 288; the sold a3's buckets and the one older than 24 h are not read.
    expect(k.uptimePct24h).toBeCloseTo((100 * 432) / 864, 6);
  });

  it('sees only the sites of a site-scoped operator', async () => {
    const k = await uptimeKpis(db, scopeFor({ orgId, role: 'OPERATOR', assignedSiteIds: [siteB], linkedCustomerIds: [] }), now);
    expect(k).toEqual({ historyMiners: 1, uptimePct24h: 0 });
  });

  it('has no uptime when nothing has reported (not 0 %, which would read as an outage)', async () => {
    const k = await uptimeKpis(db, scopeFor({ orgId, role: 'GUEST', assignedSiteIds: [], linkedCustomerIds: [] }), now);
    expect(k).toEqual({ historyMiners: 0, uptimePct24h: null });
  });
});
