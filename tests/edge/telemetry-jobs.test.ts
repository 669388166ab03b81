import { InngestTestEngine } from '@inngest/test';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, queryRows } from '@/db/client';
import { issueDeviceToken } from '@/lib/edge/devices';
import { ensureRawPartitions, listRawPartitions } from '@/db/queries/telemetry/partitions';
import { minerHistory, minerLive } from '@/db/queries/telemetry/read';
import { floorTo5min } from '@/db/queries/telemetry/rollups';
import { miners, telemetryDaily, telemetryHistory5min } from '@/db/schema';
import type { Jobs } from '@/inngest';
import { buildEnvelope } from '@/lib/edge/envelope';
import { handleIngest } from '@/lib/edge/ingest/handle-ingest';
import { createTestDb } from '../helpers/db';
import { testJobs } from '../helpers/jobs';
import { makeOrg, makeSite } from '../helpers/fixtures';
import { ingestRequest, reading } from './ingest-helpers';

let db: Db;
let drop: () => Promise<void>;
let jobs: Jobs['jobs'];
let functions: Jobs['functions'];
const start = new Date(floorTo5min(new Date()).getTime() - 30 * 60_000);

const digest = async (table: string) =>
  (await queryRows<{ d: string }>(db, sql.raw(`select md5(coalesce(string_agg(t::text, '|' order by 1), '')) as d from ${table} t`)))[0]!.d;
const run = async (name: 'telemetryRollup5min' | 'telemetryDaily') => {
  const out = await new InngestTestEngine({ function: jobs[name] }).execute();
  expect(out.error).toBeUndefined();
  return out.result as Record<string, unknown>;
};

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  ({ jobs, functions } = testJobs({ db }));
  const org = await makeOrg(db);
  const site = await makeSite(db, org.id);
  const { token } = await issueDeviceToken(db, { orgId: org.id, sites: 'all', customers: 'all' }, null, { siteId: site.id, name: 'c1' });
  // 30 one-minute readings of 3 miners; miner 2 is offline for the last 10 minutes.
  for (let k = 0; k < 30; k++) {
    const at = new Date(start.getTime() + k * 60_000).toISOString();
    const readings = [0, 1, 2].map((i) => reading(i, at, i === 2 && k >= 20 ? { online: false, hashrate5sThs: null, powerW: null, fansRpm: [] } : {}));
    const res = await handleIngest(db, ingestRequest(token, buildEnvelope(readings, { collectedAt: at, edgeVersion: '1' })), new Date(start.getTime() + (k + 1) * 60_000));
    expect(res.status).toBe(200);
  }
});
afterAll(async () => {
  await drop();
});

describe('telemetry rollups and retention (Inngest)', () => {
  it('are registered', () => {
    expect(functions).toContain(jobs.telemetryRollup5min);
    expect(functions).toContain(jobs.telemetryDaily);
  });

  it('rolls raw readings into five-minute buckets in SQL; running twice changes nothing', async () => {
    await run('telemetryRollup5min');
    const rows = await db.select().from(telemetryHistory5min);
    expect(rows).toHaveLength(18);
    for (const r of rows) expect(r.samples).toBe(5);
    const mac2 = await db.select({ id: miners.id }).from(miners).where(eq(miners.macAddress, '02:00:00:00:00:02'));
    const last = rows.filter((r) => r.minerId === mac2[0]!.id).sort((a, b) => +a.bucket - +b.bucket);
    expect(last.map((r) => r.onlineRatio)).toEqual([1, 1, 1, 1, 0, 0]);
    expect(last[5]!.hashrateAvgThs).toBeNull();
    expect(last[0]!.hashrateAvgThs).toBeCloseTo(110.2, 3);
    const before = await digest('telemetry_history_5min');
    await run('telemetryRollup5min');
    expect(await digest('telemetry_history_5min')).toBe(before);

    // What the miner panel reads: hourly points for 7 days, nothing for a scope without the site.
    const scope = { orgId: rows[0]!.orgId, sites: 'all' as const, customers: 'all' as const };
    const hourly = await minerHistory(db, scope, mac2[0]!.id, new Date(Date.now() - 7 * 86_400_000), 60);
    expect(hourly.reduce((s, p) => s + (p.onlineRatio > 0 ? 1 : 0), 0)).toBeGreaterThan(0);
    expect(hourly.length).toBeLessThanOrEqual(2);
    expect((await minerLive(db, scope, mac2[0]!.id))?.online).toBe(false);
    expect(await minerHistory(db, { ...scope, sites: [] }, mac2[0]!.id, new Date(0), 5)).toEqual([]);
    expect(await minerLive(db, { ...scope, sites: [] }, mac2[0]!.id)).toBeNull();
  });

  it('builds daily energy and uptime, drops expired raw partitions and old history; idempotent', async () => {
    await ensureRawPartitions(db, [Date.now() - 3 * 86_400_000]);
    const old = new Date(Date.now() - 61 * 86_400_000);
    const [someRow] = await db.select().from(telemetryHistory5min).limit(1);
    await db.insert(telemetryHistory5min).values({ ...someRow!, bucket: old });
    const partitionsBefore = await listRawPartitions(db);
    expect(partitionsBefore.length).toBeGreaterThanOrEqual(2);

    const first = await run('telemetryDaily');
    expect(first.purged).toBe(1);
    expect((first.dropped as string[]).length).toBe(1);
    const after = await listRawPartitions(db);
    expect(after).not.toContain((first.dropped as string[])[0]);

    const daily = await db.select().from(telemetryDaily);
    const totalHours = daily.reduce((s, d) => s + d.uptimeHours, 0);
    const totalWh = daily.reduce((s, d) => s + d.energyWh, 0);
    // Miners 0 and 1: 30 min online at 3,250 W; miner 2: 20 min.
    expect(totalHours).toBeCloseTo(0.5 + 0.5 + 20 / 60, 5);
    expect(totalWh).toBeCloseTo(3250 * (80 / 60), -1);

    const before = await digest('telemetry_daily');
    const second = await run('telemetryDaily');
    expect(second.purged).toBe(0);
    expect(second.dropped).toEqual([]);
    expect(await digest('telemetry_daily')).toBe(before);
  });
});
