import { InngestTestEngine } from '@inngest/test';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { insertWebhookChannel } from '@/db/queries/alerts/notification-channels';
import { notificationDeliveries } from '@/db/schema';
import { env } from '@/lib/env';
import { createNotifier, sealSecret } from '@/lib/integrations/notify';
import { createTestDb } from '../helpers/db';
import { startFakeWebhook } from '../helpers/fake-webhook';
import { makeUser } from '../helpers/fixtures';
import { testJobs } from '../helpers/jobs';
import { seedTreasuryLedger, treasuryFarm } from './treasury-fixture';

const HOOK_SECRET = 'whsec_treasury_runway_0123456789abcdef';

/*
 * The farm of tests/treasury/treasury.test.ts: runway 3,845,000 ÷ 1,250,000 = 3.08 months against a
 * threshold of 4 → the owner's channel is told, once in the month; an operator's channel never.
 */
describe('treasury runway alert job', () => {
  let db: Db;
  let drop: () => Promise<void>;
  let hook: Awaited<ReturnType<typeof startFakeWebhook>>;
  let farm: Awaited<ReturnType<typeof treasuryFarm>>;

  beforeAll(async () => {
    process.env.AUTH_SECRET ??= 'treasury-runway-test-secret-0123456789abcdef';
    ({ db, drop } = await createTestDb());
    hook = await startFakeWebhook(HOOK_SECRET);
    farm = await treasuryFarm(db);
    await seedTreasuryLedger(db, farm, new Date('2026-12-07T12:00:00Z'));
    await insertWebhookChannel(db, { orgId: farm.org.id, userId: farm.owner.id }, { label: 'Owner hook', url: hook.url('/owner'), secretEnc: sealSecret(HOOK_SECRET, env().authSecret) });
    const op = await makeUser(db, { orgId: farm.org.id, role: 'OPERATOR' });
    await insertWebhookChannel(db, { orgId: farm.org.id, userId: op.user.id }, { label: 'Operator hook', url: hook.url('/operator'), secretEnc: sealSecret(HOOK_SECRET, env().authSecret) });
  });
  afterAll(async () => {
    await hook.close();
    await drop();
  });

  const run = (at: string) => new InngestTestEngine({ function: testJobs({ db, now: () => new Date(at), notifier: createNotifier({ webhook: { backoffMs: 2, timeoutMs: 500, allowPrivateNetworks: true } }) }).jobs.treasuryRunwayAlert }).execute();

  it('tells the owners under the threshold, once a month', async () => {
    const first = await run('2026-12-08T06:00:00Z');
    expect(first.result).toMatchObject({ sent: 1 });
    expect(hook.received.map((h) => h.path)).toEqual(['/owner']);
    const body = JSON.parse(hook.received[0]!.body) as { data: { runwayMonths: number; thresholdMonths: number; cashCents: number; monthlyOpexCents: number } };
    expect(body.data).toMatchObject({ runwayMonths: 3.08, thresholdMonths: 4, cashCents: 3_845_000, monthlyOpexCents: 1_250_000 });
    expect(hook.received[0]!.signatureValid).toBe(true);
    const again = await run('2026-12-09T06:00:00Z');
    expect(again.result).toMatchObject({ sent: 0 });
    expect(hook.received).toHaveLength(1);
    const rows = await db.select().from(notificationDeliveries).where(eq(notificationDeliveries.kind, 'treasury.runway_low'));
    expect(rows).toHaveLength(1);
  }, 60_000);
});
