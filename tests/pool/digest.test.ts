import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { notificationChannels, poolWorkerAlerts, users } from '@/db/schema';
import { createAntpool } from '@/lib/integrations/antpool/factory';
import { finishRun } from '@/lib/integrations/antpool/runs';
import { createNotifier, sealSecret } from '@/lib/integrations/notify';
import { createTestDb } from '../helpers/db';
import { startFakeWebhook } from '../helpers/fake-webhook';
import { makeOrg, makeUser } from '../helpers/fixtures';

const SECRET = 'whsec-pool-digest-0123456789';
const APP_SECRET = 'pool-digest-test-app-secret-0123456789';
let db: Db;
let drop: () => Promise<void>;
let hook: Awaited<ReturnType<typeof startFakeWebhook>>;
let orgId: string;

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  hook = await startFakeWebhook(SECRET);
  orgId = (await makeOrg(db)).id;
  // The owner reads Chinese, the admin English: each gets the digest in their own language.
  for (const [role, locale] of [['OWNER', 'zh'], ['ADMIN', 'en']] as const) {
    const { user } = await makeUser(db, { orgId, role });
    await db.update(users).set({ locale }).where(eq(users.id, user.id));
    await db.insert(notificationChannels).values({ orgId, userId: user.id, kind: 'webhook', label: role, target: hook.url(`/${locale}`), secretEnc: sealSecret(SECRET, APP_SECRET) });
  }
  // Opened a second apart: the digest lists the oldest first.
  const at = (s: number) => new Date(Date.UTC(2026, 11, 6, 10, 0, s));
  await db.insert(poolWorkerAlerts).values([
    { orgId, kind: 'worker_offline', subject: 'sub-a/a-1', openedAt: at(0), lastSeenAt: at(0) },
    { orgId, kind: 'low_hashrate', subject: 'sub-a/a-2', openedAt: at(1), lastSeenAt: at(1), detail: { hs1h: '30000000000000', hs1d: '100000000000000', thresholdPct: 50 } },
    { orgId, kind: 'worker_offline', subject: 'sub-a/a-3', openedAt: at(2), lastSeenAt: at(2) },
  ]);
});
afterAll(async () => {
  await hook.close();
  await drop();
});

describe('pool alert digest', () => {
  it('goes to each owner and admin in their own language, with the same data', async () => {
    const notifier = createNotifier({ appSecret: APP_SECRET, webhook: { allowPrivateNetworks: true, maxAttempts: 1 } });
    const now = () => new Date('2026-12-06T10:05:00.000Z');
    await finishRun({ db, antpool: createAntpool({ baseUrl: 'http://127.0.0.1:9' }), notifier, now }, 1, now().toISOString(), [], [orgId]);
    const body = (path: string) => JSON.parse(hook.received.find((r) => r.path === path)!.body);
    expect(hook.received).toHaveLength(2);
    expect(body('/zh')).toMatchObject({ kind: 'pool.alerts', subject: '矿池告警：矿工离线 2 条，算力偏低 1 条' });
    expect(body('/zh').text.split('\n')).toEqual(['矿工离线\tsub-a/a-1\t2026-12-06T10:00:00.000Z', '算力偏低\tsub-a/a-2\t2026-12-06T10:00:01.000Z\t最近 1 小时 30 TH/s，低于其 24 小时平均（100 TH/s）的 50%', '矿工离线\tsub-a/a-3\t2026-12-06T10:00:02.000Z']);
    expect(body('/en')).toMatchObject({ kind: 'pool.alerts', subject: 'Pool alerts: 2 worker offline, 1 low hashrate' });
    // Machine-readable fields do not translate.
    for (const path of ['/zh', '/en']) expect(body(path).data.counts).toEqual({ worker_offline: 2, low_hashrate: 1 });
    // A low-hashrate alert states the threshold it was raised under, in the text and in the data.
    expect(body('/en').text).toContain('sub-a/a-2\t2026-12-06T10:00:01.000Z\tlast hour 30 TH/s, under 50% of its 24 h average (100 TH/s)');
    expect((body('/en').data.alerts as { subject: string; thresholdPct?: number }[]).find((a) => a.subject === 'sub-a/a-2')).toMatchObject({ thresholdPct: 50 });
  });
});
