import { InngestTestEngine } from '@inngest/test';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { listDeliveries } from '@/db/queries/alerts/notifications';
import { listRules, saveRule } from '@/db/queries/alerts/rules';
import { upsertMiningSettings } from '@/db/queries/alerts/mining-settings';
import { ensureEmailChannel, insertWebhookChannel } from '@/db/queries/alerts/notification-channels';
import { networkSnapshots, notificationDeliveries } from '@/db/schema';
import type { Jobs } from '@/inngest';
import { snapshotStored } from '@/inngest/events';
import { env } from '@/lib/env';
import { createNotifier, sealSecret } from '@/lib/integrations/notify';
import { createTestDb } from '../helpers/db';
import { startFakeSmtp } from '../helpers/fake-smtp';
import { startFakeWebhook } from '../helpers/fake-webhook';
import { makeOrg, makeUser } from '../helpers/fixtures';
import { testJobs } from '../helpers/jobs';

const HOOK_SECRET = 'whsec_alerts_0123456789abcdef';
let db: Db;
let drop: () => Promise<void>;
let smtp: Awaited<ReturnType<typeof startFakeSmtp>>;
let hook: Awaited<ReturnType<typeof startFakeWebhook>>;
let owner: { orgId: string; userId: string };
let other: { orgId: string; userId: string };
let hashpriceRule: string;
let jobs: Jobs['jobs'];
let functions: Jobs['functions'];

const D0 = 120e12;
const bucket = (min: number) => new Date(Date.UTC(2026, 5, 1, 12, min)).toISOString();
async function storeSnapshot(min: number, hashpriceUsdPerPhDay: number, difficulty = D0) {
  const btcPriceUsd = 100_000;
  await db.insert(networkSnapshots).values({
    bucketStart: new Date(bucket(min)),
    btcPriceUsd: String(btcPriceUsd),
    difficulty: String(difficulty),
    networkHashrateHs: String((difficulty * 2 ** 32) / 600),
    feesPerBlockBtc: '0.02',
    blockHeight: 950_000,
    hashpriceBtcPerPhDay: String(hashpriceUsdPerPhDay / btcPriceUsd),
    hashpriceUsdPerPhDay: String(hashpriceUsdPerPhDay),
    sources: { price: 'test' },
  });
}
// A new engine per execution: an engine keeps the state of the run it executed.
const run = async (min: number) => {
  const r = await new InngestTestEngine({ function: jobs.evaluateProfitabilityAlerts, events: [{ name: snapshotStored.name, data: { bucketStart: bucket(min) } }] }).execute();
  expect(r.error).toBeUndefined();
  return r.result as { sent: number; failed: number; duplicate: number; applied: number };
};
const mails = () => smtp.received.map((m) => m.raw.match(/^Subject: (.*)$/m)?.[1]);
const okHooks = () => hook.received.filter((h) => h.path === '/ok');

beforeAll(async () => {
  process.env.AUTH_SECRET ??= 'alerts-test-secret-0123456789abcdefghij';
  ({ db, drop } = await createTestDb());
  smtp = await startFakeSmtp();
  hook = await startFakeWebhook(HOOK_SECRET, { '/down': { status: 503 } });
  ({ jobs, functions } = testJobs({ db, notifier: createNotifier({ smtp: smtp.smtp, webhook: { backoffMs: 2, timeoutMs: 500, allowPrivateNetworks: true } }) }));

  const orgId = (await makeOrg(db)).id;
  owner = { orgId, userId: (await makeUser(db, { orgId, role: 'OWNER', email: 'owner@alerts.test' })).user.id };
  other = { orgId, userId: (await makeUser(db, { orgId, role: 'OPERATOR', email: 'op@alerts.test' })).user.id };
  const email = await ensureEmailChannel(db, owner, 'owner@alerts.test', 'Account email');
  const webhook = (await insertWebhookChannel(db, owner, { label: 'Ops hook', url: hook.url('/ok'), secretEnc: sealSecret(HOOK_SECRET, env().authSecret) }))!;
  hashpriceRule = (await saveRule(db, owner, { kind: 'hashprice_below', threshold: 40, channelIds: [email, webhook] }))!;
  await saveRule(db, owner, { kind: 'difficulty_change_above', threshold: 5, channelIds: [email] });
  // The operator's profit rule goes to an endpoint that is down: logged as failed, others unaffected.
  await upsertMiningSettings(db, other, { hashrateThs: 1000, efficiencyJPerTh: 21.5, electricityUsdPerKwh: 0.08 });
  const down = (await insertWebhookChannel(db, other, { label: 'Down', url: hook.url('/down'), secretEnc: sealSecret(HOOK_SECRET, env().authSecret) }))!;
  await saveRule(db, other, { kind: 'profit_below', threshold: 0, channelIds: [down] });
});
afterAll(async () => {
  await Promise.all([smtp.close(), hook.close()]);
  await drop();
});

describe('alerts-evaluate-profitability (Inngest)', () => {
  it('is registered', () => {
    expect(functions).toContain(jobs.evaluateProfitabilityAlerts);
  });

  it('skips a bucket with no stored snapshot', async () => {
    const r = await new InngestTestEngine({ function: jobs.evaluateProfitabilityAlerts, events: [{ name: snapshotStored.name, data: { bucketStart: bucket(55) } }] }).execute();
    expect(r.result).toMatchObject({ skipped: 'no snapshot for this bucket' });
  });

  it('breach → one email and one signed webhook; the failing endpoint is logged as failed', async () => {
    await storeSnapshot(0, 38.2);
    const r = await run(0);
    expect(r).toMatchObject({ sent: 2, failed: 1 });
    expect(mails()).toEqual(['HashInsight: Hashprice below $40.00/PH/day']);
    expect(okHooks()).toHaveLength(1);
    expect(okHooks()[0]!.signatureValid).toBe(true);
    expect(JSON.parse(okHooks()[0]!.body)).toMatchObject({ kind: 'profitability.hashprice_below', data: { ruleId: hashpriceRule, value: 38.2, threshold: 40, bucketStart: bucket(0) } });
    const [rule] = (await listRules(db, owner)).filter((x) => x.id === hashpriceRule);
    expect(rule).toMatchObject({ state: 'breached', lastValue: 38.2 });
    // 1000 TH/s · $38.2/PH/day = $38.20 revenue − 516 kWh · $0.08 = $41.28 cost → −$3.08/day.
    const failed = await listDeliveries(db, other, { status: 'failed' }, { page: 1, pageSize: 25 });
    expect(failed.total).toBe(1);
    expect(failed.rows[0]).toMatchObject({ channel: 'webhook', kind: 'profitability.profit_below', attempts: 4, lastError: 'HTTP 503' });
    expect(failed.rows[0]!.subject).toBe('HashInsight: Mining profit below $0.00/day');
    expect((await listRules(db, other))[0]!.lastValue).toBeCloseTo(-3.08, 6);
  });

  it('the same bucket again sends nothing new', async () => {
    const before = (await db.select().from(notificationDeliveries)).length;
    const r = await run(0);
    expect(r).toMatchObject({ sent: 0, failed: 0, duplicate: 3 });
    expect(mails()).toHaveLength(1);
    expect(okHooks()).toHaveLength(1);
    expect(await db.select().from(notificationDeliveries)).toHaveLength(before);
  });

  it('still below in the next bucket: no second notification', async () => {
    await storeSnapshot(5, 35);
    expect(await run(5)).toMatchObject({ sent: 0, duplicate: 0 });
    expect(mails()).toHaveLength(1);
  });

  it('recovery re-arms silently; an older bucket arriving late changes nothing', async () => {
    await storeSnapshot(10, 45);
    expect(await run(10)).toMatchObject({ sent: 0 });
    expect((await listRules(db, owner)).find((x) => x.id === hashpriceRule)).toMatchObject({ state: 'armed', lastValue: 45 });
    expect(await run(5)).toMatchObject({ sent: 0, applied: 0 });
    expect((await listRules(db, owner)).find((x) => x.id === hashpriceRule)?.state).toBe('armed');
  });

  it('breach again → exactly one more; a difficulty retarget of +8% fires the difficulty rule once', async () => {
    await storeSnapshot(15, 36, D0 * 1.08);
    const r = await run(15);
    expect(r.sent).toBe(3);
    // Rules are evaluated in id order, so the two new mails may arrive in either order.
    expect(mails().slice(1).sort()).toEqual(['HashInsight: Difficulty changed +8.00%', 'HashInsight: Hashprice below $40.00/PH/day']);
    expect(okHooks()).toHaveLength(2);
    await storeSnapshot(20, 36, D0 * 1.08);
    expect(await run(20)).toMatchObject({ sent: 0 });
    expect(mails()).toHaveLength(3);
    const log = await listDeliveries(db, owner, {}, { page: 1, pageSize: 25 });
    expect(log.total).toBe(5);
    expect(log.rows.every((d) => d.status === 'sent')).toBe(true);
    // The operator's profit recovered at $45 (+$3.72/day) and broke again at $36: a second, failed, attempt.
    expect((await db.select().from(notificationDeliveries).where(eq(notificationDeliveries.userId, other.userId))).map((d) => d.status)).toEqual(['failed', 'failed']);
  });
});
