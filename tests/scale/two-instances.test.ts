import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { count, eq, gt, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type DbHandle, migrationsFolder, openPostgres, queryRows } from '@/db/client';
import { createApiToken } from '@/lib/auth/api-tokens';
import { issueDeviceToken } from '@/lib/edge/devices';
import { createScratchDatabase } from '@/db/scratch';
import { minerModels, miners, minerTelemetryLive, poolApiCallLogs, poolCollectionRuns, telemetryHistory5min } from '@/db/schema';
import { MINER_MODEL_CATALOGUE } from '@/db/seed/miner-models';
import { TOKEN_RATE_LIMIT } from '@/lib/api/calculator-handler';
import { LOGIN_LIMITS } from '@/lib/auth/verify-credentials';
import { buildEnvelope } from '@/lib/edge/envelope';
import { PLANNED_LIMIT } from '@/lib/integrations/antpool/budget';
import { configureFakeAccounts } from '@/lib/integrations/antpool/fake-accounts';
import { buildFakeFarm } from '@/lib/integrations/antpool/fake-farm';
import { type FakeAntpool, startFakeAntpool } from '@/lib/integrations/antpool/fake-server';
import { reading } from '../edge/ingest-helpers';
import { makeOrg, makeSite, makeUser } from '../helpers/fixtures';
import { runThroughInngest } from './inngest-server';
import { Client, type Instance, startInstance } from './instances';

/*
 * Two app instances on one PostgreSQL, and nothing one of them keeps in memory that the other needs.
 *
 * Each instance is a Node process of its own (tests/scale/instance/main.ts): its own module memory,
 * its own connection pool, the app's instrumentation (TCP peer recording, migrations, seeds), proxy.ts
 * and every app/api route handler, served over node:http on its own loopback address. Requests go
 * back and forth between the two. Two `next start` servers would be the same code behind Next's own
 * HTTP layer, but need a production build, which `npm test` does not make (CI builds after vitest);
 * the e2e suite covers that layer. Jobs run the way Inngest runs them, through signed calls to an
 * instance's /api/inngest (inngest-server.ts); the one thing stood in for is an instance's clock
 * being off (/__instance/clock).
 *
 * PGlite is one process's embedded database, so two instances cannot share one: this runs on the
 * PostgreSQL server at TEST_DATABASE_URL (CI sets it).
 */
const serverUrl = process.env.TEST_DATABASE_URL;
const secrets = vi.hoisted(() => {
  const s = { authSecret: 'two-instances-secret-'.padEnd(48, 'x'), antpoolKey: Buffer.alloc(32, 7).toString('base64') };
  process.env.AUTH_SECRET = s.authSecret;
  process.env.ANTPOOL_SECRETS_KEY = s.antpoolKey;
  return s;
});

describe.skipIf(!serverUrl)('two app instances on one PostgreSQL (skipped without TEST_DATABASE_URL: two processes cannot share one embedded PGlite)', () => {
  const farm = buildFakeFarm({ seed: 'two-instances', subs: [{ userId: 'sub-a', workers: 30, ownKey: true }, { userId: 'sub-b', workers: 20 }] });
  let scratch: { url: string; drop: () => Promise<void> };
  let handle: DbHandle;
  let pool: FakeAntpool;
  let dataDir: string;
  let a: Instance;
  let b: Instance;
  let orgId: string;
  const db = () => handle.db;
  const signingKey = randomBytes(32).toString('hex');
  // The Inngest server, calling an instance's /api/inngest; and the test's hand on an instance's clock.
  const control = new Client('127.0.16.1');
  const runJob = async (instance: Instance, id: string) => (await runThroughInngest(control, instance.url, id, signingKey)) as Record<string, unknown>;
  const setClock = (instance: Instance, offsetMs: number) => control.send(instance.url, '/__instance/clock', { method: 'POST', body: JSON.stringify({ offsetMs }) });

  beforeAll(async () => {
    scratch = await createScratchDatabase(serverUrl!, 'hi_two');
    pool = await startFakeAntpool({ farm });
    dataDir = mkdtempSync(path.join(tmpdir(), 'hi-two-'));
    const env = {
      NODE_ENV: 'production',
      DATABASE_URL: scratch.url,
      AUTH_SECRET: secrets.authSecret,
      ANTPOOL_SECRETS_KEY: secrets.antpoolKey,
      INNGEST_SIGNING_KEY: signingKey,
      ANTPOOL_BASE_URL: pool.url,
      DATA_DIR: dataDir,
      DEMO_MODE: 'false',
      MARKET_LIVE: 'false',
      // Jobs run when a test calls them, as the Inngest server would, not on the embedded scheduler's
      // clock in the middle of a count (tests/inngest/embedded-scheduler.test.ts covers that one).
      JOBS_EMBEDDED: 'false',
    };
    // Started together on an empty database: both run the migrations and seeds at once.
    [a, b] = await Promise.all([startInstance('A', '127.0.12.1', env), startInstance('B', '127.0.12.2', env)]);
    handle = await openPostgres(scratch.url, { max: 4 });
    orgId = (await makeOrg(db())).id;
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await handle?.close();
    await pool?.close();
    await scratch?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('starting together, they apply each migration once and seed without duplicates', async () => {
    const journal = JSON.parse(readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };
    const [applied] = await queryRows<{ n: number }>(db(), sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
    expect(applied!.n).toBe(journal.entries.length);
    expect((await db().select({ n: count() }).from(minerModels))[0]!.n).toBe(MINER_MODEL_CATALOGUE.length);
  });

  describe('sessions', () => {
    const hostingList = '/api/hosting/miners';

    it('a session started on A is good on B; signing out on A ends it on both, for a copied cookie too', async () => {
      await makeUser(db(), { orgId, role: 'OWNER', email: 'owner@two.test', password: 'pw-two-1234' });
      const laptop = new Client('127.0.13.1');
      expect(await laptop.signIn(a.url, 'owner@two.test', 'pw-two-1234')).toBe('/en/dashboard');
      expect((await laptop.send(b.url, hostingList)).status).toBe(200);
      expect((await laptop.send(a.url, hostingList)).status).toBe(200);

      const copy = laptop.copy('127.0.13.2');
      expect((await copy.send(b.url, hostingList)).status).toBe(200);
      expect(await laptop.signOut(a.url)).toBe(302);
      expect((await copy.send(b.url, hostingList)).status).toBe(401);
      expect((await copy.send(a.url, hostingList)).status).toBe(401);
    });

    it('a session started on B survives nothing on A: signing out on B ends it on A', async () => {
      await makeUser(db(), { orgId, role: 'OWNER', email: 'owner2@two.test', password: 'pw-two-1234' });
      const phone = new Client('127.0.13.3');
      expect(await phone.signIn(b.url, 'owner2@two.test', 'pw-two-1234')).toBe('/en/dashboard');
      const copy = phone.copy('127.0.13.4');
      expect((await copy.send(a.url, hostingList)).status).toBe(200);
      await phone.signOut(b.url);
      expect((await copy.send(a.url, hostingList)).status).toBe(401);
    });
  });

  describe('login throttling', () => {
    it(`${LOGIN_LIMITS.perEmailAndIp} failures spread over A and B lock the (email, address) pair on both; another address still signs in`, async () => {
      await makeUser(db(), { orgId, role: 'OWNER', email: 'target@two.test', password: 'pw-right-1234' });
      const attacker = new Client('127.0.14.1');
      for (let i = 0; i < LOGIN_LIMITS.perEmailAndIp; i++) {
        expect(await attacker.signIn(i % 2 ? b.url : a.url, 'target@two.test', `wrong-${i}`)).toMatch(/error=CredentialsSignin&code=invalid$/);
      }
      // Even the right password: the pair's tries are used up, on either instance.
      expect(await attacker.signIn(a.url, 'target@two.test', 'pw-right-1234')).toMatch(/code=rate_limited%3A\d+$/);
      expect(await attacker.signIn(b.url, 'target@two.test', 'pw-right-1234')).toMatch(/code=rate_limited%3A\d+$/);
      expect(await new Client('127.0.14.2').signIn(b.url, 'target@two.test', 'pw-right-1234')).toBe('/en/dashboard');
    });

    it('tries sent to A and B at once get exactly the limit through, together', async () => {
      await makeUser(db(), { orgId, role: 'OWNER', email: 'burst@two.test', password: 'pw-right-1234' });
      const burst = new Client('127.0.14.3');
      const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => burst.signIn(i % 2 ? b.url : a.url, 'burst@two.test', `wrong-${i}`)));
      expect(answers.filter((u) => u.endsWith('code=invalid'))).toHaveLength(LOGIN_LIMITS.perEmailAndIp);
      expect(answers.filter((u) => /code=rate_limited/.test(u))).toHaveLength(12 - LOGIN_LIMITS.perEmailAndIp);
    });
  });

  it(`an API token's ${TOKEN_RATE_LIMIT.max} calls a minute are shared by A and B`, async () => {
    const { user } = await makeUser(db(), { orgId, role: 'OWNER' });
    const created = await createApiToken(db(), { orgId, userId: user.id }, 'two instances');
    if (!created.ok) throw new Error('token not created');
    const client = new Client('127.0.15.1');
    const call = (base: string) =>
      client.send(base, '/api/calculator', {
        method: 'POST',
        headers: { authorization: `Bearer ${created.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ hashrateThs: 100, powerW: 3000, electricityUsdPerKwh: 0.05, btcPriceUsd: 50_000, difficulty: 1e14, blockRewardBtc: 3.125, feesPerBlockBtc: 0.05 }),
      });
    const within = await Promise.all(Array.from({ length: TOKEN_RATE_LIMIT.max }, (_, i) => call(i % 2 ? b.url : a.url)));
    expect(within.map((r) => r.status)).toEqual(Array(TOKEN_RATE_LIMIT.max).fill(200));
    for (const base of [a.url, b.url]) {
      const over = await call(base);
      expect(over.status).toBe(429);
      expect(over.headers['retry-after']).toBe(String(TOKEN_RATE_LIMIT.windowS));
    }
  });

  describe('the Antpool budget and nonces', () => {
    const logged = async () => (await db().select({ n: count() }).from(poolApiCallLogs).where(gt(poolApiCallLogs.startedAt, new Date(Date.now() - 600_000))))[0]!.n;

    beforeAll(async () => {
      await configureFakeAccounts(db(), orgId, farm);
    });

    it('calls made by A count in the budget B sees; B, its clock 30 s behind, signs with nonces the pool accepts', async () => {
      const first = await runJob(a, 'pool-tier1-dashboard');
      expect(first).toMatchObject({ failed: 0 });
      const byA = pool.stats.requests;
      expect(byA).toBeGreaterThan(0);

      await setClock(b, -30_000);
      try {
        const second = await runJob(b, 'pool-tier1-dashboard');
        expect(pool.stats.rejected.nonce).toBe(0);
        expect(second).toMatchObject({ failed: 0, budgetUsed: pool.stats.requests });
      } finally {
        await setClock(b, 0);
      }
      expect(pool.stats.requests).toBe(2 * byA);
      expect(await logged()).toBe(2 * byA);
    });

    it('with 4 calls left in the window, A and B running at once send exactly 4 between them', async () => {
      const left = 4;
      const fill = PLANNED_LIMIT - left - (await logged());
      const at = new Date(Date.now() - 60_000);
      await db().insert(poolApiCallLogs).values(Array.from({ length: fill }, () => ({ endpoint: 'poolStats', startedAt: at, status: 'ok', attempt: 1 })));
      const before = pool.stats.requests;

      const runs = await Promise.all([runJob(a, 'pool-tier1-dashboard'), runJob(b, 'pool-tier1-dashboard')]);
      expect(pool.stats.requests - before).toBe(left);
      expect(await logged()).toBe(PLANNED_LIMIT);
      expect(pool.stats.budgetExceeded).toBe(0);
      expect(runs.reduce((n, r) => n + Number(r.failed), 0)).toBeGreaterThan(0);
      expect((await db().select({ n: count() }).from(poolCollectionRuns))[0]!.n).toBe(4);
    });
  });

  describe('edge ingest and the five-minute rollup', () => {
    const readings = 40;
    const uploads = 5;
    let siteId: string;

    it('the same uploads sent to A and B at once store each reading once', async () => {
      siteId = (await makeSite(db(), orgId, 'Two-instance site')).id;
      const { token } = await issueDeviceToken(db(), { orgId, sites: 'all', customers: 'all' }, null, { siteId, name: 'collector' });
      const collector = new Client('127.0.17.1');
      const base = Math.floor(Date.now() / 60_000) * 60_000 - uploads * 60_000;
      for (let u = 0; u < uploads; u++) {
        const at = new Date(base + u * 60_000).toISOString();
        const body = JSON.stringify(buildEnvelope(Array.from({ length: readings }, (_, i) => reading(i, at)), { collectedAt: at, edgeVersion: '1.0.0', bufferDepth: 0 }));
        const post = (instance: Instance) =>
          collector.send(instance.url, '/api/edge/v1/telemetry/ingest', { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body });
        const answers = await Promise.all([post(a), post(b)]);
        expect(answers.map((r) => r.status)).toEqual([200, 200]);
        expect(answers.map((r) => (JSON.parse(r.text) as { processed: number }).processed)).toEqual([readings, readings]);
      }
      const [raw] = await queryRows<{ n: number; distinct: number }>(db(), sql`select count(*)::int as n, count(distinct (miner_id, collected_at))::int as distinct from telemetry_raw`);
      expect(raw).toEqual({ n: readings * uploads, distinct: readings * uploads });
      expect((await db().select({ n: count() }).from(miners).where(eq(miners.siteId, siteId)))[0]!.n).toBe(readings);
      expect((await db().select({ n: count() }).from(minerTelemetryLive))[0]!.n).toBe(readings);
    });

    it('the rollup triggered on A and B at once writes each five-minute bucket once', async () => {
      // Counts every row the rollup writes, inserted or rewritten.
      await db().execute(sql`create table rollup_writes (n int not null)`);
      await db().execute(sql`create function count_rollup_write() returns trigger language plpgsql as $$ begin insert into rollup_writes values (1); return null; end $$`);
      await db().execute(sql`create trigger count_rollup_writes after insert or update on telemetry_history_5min for each row execute function count_rollup_write()`);
      const runs = await Promise.all([runJob(a, 'telemetry-rollup-5min'), runJob(b, 'telemetry-rollup-5min')]);
      const [expected] = await queryRows<{ n: number }>(db(), sql`select count(distinct (miner_id, date_bin('5 minutes', collected_at, timestamptz '2000-01-01')))::int as n from telemetry_raw`);
      const rows = (await db().select({ n: count() }).from(telemetryHistory5min))[0]!.n;
      expect(rows).toBe(expected!.n);
      expect(rows).toBeGreaterThanOrEqual(readings);
      expect(runs.map((r) => Number(r.buckets))).toEqual([rows, rows]);
      const [writes] = await queryRows<{ n: number }>(db(), sql`select count(*)::int as n from rollup_writes`);
      expect(writes!.n).toBe(rows);
    });
  });

  it('neither instance failed a request along the way', () => {
    for (const instance of [a, b]) expect(instance.output()).not.toContain('[instance] request failed');
  });
});
