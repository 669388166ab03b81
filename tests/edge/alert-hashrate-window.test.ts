import { InngestTestEngine } from '@inngest/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { createAlertRule } from '@/db/queries/edge/alerts';
import { edgeAlerts } from '@/db/schema';
import type { Jobs } from '@/inngest';
import type { Scope } from '@/lib/core/scope';
import { issueDeviceToken } from '@/lib/edge/devices';
import { buildEnvelope } from '@/lib/edge/envelope';
import { handleIngest } from '@/lib/edge/ingest/handle-ingest';
import { createTestDb } from '../helpers/db';
import { makeOrg, makeSite } from '../helpers/fixtures';
import { testJobs } from '../helpers/jobs';
import { ingestRequest, reading } from './ingest-helpers';

// HASHRATE_LOW reads the average window, the miner's rate of record, not the 5-second figure: a
// 5-second spike must not hide a miner whose average has fallen, and a 5-second dip must not raise one.
let db: Db;
let drop: () => Promise<void>;
let token: string;
let scope: Scope;
let jobs: Jobs['jobs'];

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  ({ jobs } = testJobs({ db }));
  const org = await makeOrg(db);
  const site = await makeSite(db, org.id);
  scope = { orgId: org.id, sites: 'all', customers: 'all' };
  token = (await issueDeviceToken(db, scope, null, { siteId: site.id, name: 'c' })).token;
  // Below 90 % of nominal (110 TH/s): under 99 TH/s.
  await createAlertRule(db, scope, null, { name: 'Slow', kind: 'HASHRATE_LOW', threshold: 90, siteId: site.id, modelId: null, customerId: null, channelId: null });
});
afterAll(async () => {
  await drop();
});

describe('HASHRATE_LOW and the hashrate window', () => {
  it('fires on a low average behind a 5-second spike, and not on a 5-second dip with a healthy average', async () => {
    const at = new Date().toISOString();
    const readings = [
      reading(0, at, { hashrate5sThs: 120, hashrateAvgThs: 80, hashrateNominalThs: 110 }), // average 72.7 % → fires
      reading(1, at, { hashrate5sThs: 60, hashrateAvgThs: 108, hashrateNominalThs: 110 }), // average 98.2 % → quiet
    ];
    expect((await handleIngest(db, ingestRequest(token, buildEnvelope(readings, { collectedAt: at, edgeVersion: '1' })), new Date())).status).toBe(200);
    const out = await new InngestTestEngine({ function: jobs.evaluateEdgeAlerts }).execute();
    expect(out.error).toBeUndefined();
    expect((out.result as { opened: number }).opened).toBe(1);
    const alerts = await db.select({ value: edgeAlerts.value }).from(edgeAlerts);
    expect(alerts.map((a) => a.value)).toEqual(['72.7 %']);
  });
});
