import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Db, type DbHandle, openPostgres, queryRows } from '@/db/client';
import { jobRunSummary } from '@/db/queries/system/job-runs';
import { hitRateLimit, peekRateLimit } from '@/db/queries/auth/rate-limit';
import { jobRuns } from '@/db/schema';
import { embeddedSchedulerFor } from '@/inngest/embedded/start';
import { type EmbeddedScheduler } from '@/inngest/embedded/scheduler';
import { loadEnv } from '@/lib/env';
import { MemoryStore } from '@/lib/integrations/market/cache';
import { createMarket } from '@/lib/integrations/market/current';
import { createTestDb } from '../helpers/db';
import { startFakeMarketServer } from '../helpers/fake-market-server';
import { testJobDeps } from '../helpers/jobs';

// The app with no Inngest server configured: the runs are signed with this key, as /api/inngest demands.
const signingKey = vi.hoisted(() => {
  const key = 'a1'.repeat(32);
  process.env.INNGEST_SIGNING_KEY = key;
  for (const k of ['INNGEST_DEV', 'INNGEST_EVENT_KEY', 'INNGEST_BASE_URL', 'JOBS_EMBEDDED']) delete process.env[k];
  return key;
});

const dataDir = mkdtempSync(path.join(tmpdir(), 'hi-jobs-'));
const appEnv = (extra: Record<string, string> = {}) => loadEnv({ NODE_ENV: 'test', DATA_DIR: dataDir, INNGEST_SIGNING_KEY: signingKey, ...extra });

let db: Db;
let drop: () => Promise<void>;
let fake: Awaited<ReturnType<typeof startFakeMarketServer>>;
// The scheduler's clock, moved by the test: a tick is one look at it.
let clock: Date;
const at = (iso: string) => (clock = new Date(iso));

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  fake = await startFakeMarketServer();
});
afterAll(async () => {
  await fake.close();
  await drop();
  rmSync(dataDir, { recursive: true, force: true });
});
beforeEach(async () => {
  await db.delete(jobRuns);
});

function scheduler(on: Db = db, market = createMarket({ config: fake.config, store: new MemoryStore() })): EmbeddedScheduler {
  const s = embeddedSchedulerFor(appEnv(), testJobDeps({ db: on, now: () => clock, market }), { retry: { maxAttempts: 2, backoffMs: () => 0 }, log: () => {} });
  if (!s) throw new Error('expected the embedded scheduler');
  return s;
}

async function tick(s: EmbeddedScheduler) {
  s.tick();
  await s.idle();
}

const runsOf = (functionId: string, on: Db = db) => on.select().from(jobRuns).where(eq(jobRuns.functionId, functionId)).orderBy(asc(jobRuns.startedAt));

describe('the embedded scheduler (no Inngest server configured)', () => {
  it('runs each cron function once per tick that reaches its time, through the real function and its steps', async () => {
    at('2026-11-02T10:16:30Z');
    const s = scheduler();
    await hitRateLimit(db, 'stale', 900, new Date('2026-10-30T00:00:00Z'));
    await hitRateLimit(db, 'fresh', 900, clock);

    await tick(s); // nothing is due between the start and now
    expect(await db.select().from(jobRuns)).toEqual([]);

    at('2026-11-02T10:17:00Z'); // '17 * * * *': the rate-limit purge is due, and the every-minute alert rules
    await tick(s);
    const [purge] = await runsOf('system-purge-rate-limits');
    expect(purge).toMatchObject({ trigger: 'cron 17 * * * *', scheduledFor: new Date('2026-11-02T10:17:00Z'), outcome: 'ok', error: null });
    expect(purge!.finishedAt!.getTime()).toBeGreaterThanOrEqual(purge!.startedAt.getTime());
    // The job's own steps ran on the injected clock: the day-old window went, today's stayed.
    expect(await peekRateLimit(db, 'stale', 900, new Date('2026-10-30T00:00:00Z'))).toBeNull();
    expect(await peekRateLimit(db, 'fresh', 900, clock)).not.toBeNull();
    expect(await runsOf('telemetry-evaluate-alerts')).toHaveLength(1);
    expect(await runsOf('telemetry-rollup-5min')).toHaveLength(0);

    await tick(s); // the same minute again: nothing new
    expect(await runsOf('telemetry-evaluate-alerts')).toHaveLength(1);

    at('2026-11-02T10:20:10Z'); // three minutes on: the alert rules once (for 10:20), the 5-minute jobs once
    await tick(s);
    const alerts = await runsOf('telemetry-evaluate-alerts');
    expect(alerts.map((r) => r.scheduledFor?.toISOString())).toEqual(['2026-11-02T10:17:00.000Z', '2026-11-02T10:20:00.000Z']);
    const rollups = await runsOf('telemetry-rollup-5min');
    expect(rollups).toHaveLength(1);
    expect(rollups[0]).toMatchObject({ outcome: 'ok', scheduledFor: new Date('2026-11-02T10:20:00Z') });
    expect(await runsOf('system-purge-rate-limits')).toHaveLength(1);
  });

  it("dispatches the events a function sends to the functions they trigger, in process", async () => {
    at('2026-11-02T11:04:00Z');
    const s = scheduler();
    at('2026-11-02T11:05:00Z');
    await tick(s);
    const [snapshot] = await runsOf('market-store-network-snapshot');
    expect(snapshot).toMatchObject({ outcome: 'ok', error: null });
    const [stored] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from network_snapshots`);
    expect(stored!.n).toBe(1);
    // step.sendEvent('announce') reached no Inngest server: the profitability rules ran here on its event.
    const [evaluated] = await runsOf('alerts-evaluate-profitability');
    expect(evaluated).toMatchObject({ trigger: 'event market/snapshot.stored', scheduledFor: null, outcome: 'ok' });
  });

  it('logs a failed run with its message, without a stack, after retrying the step', async () => {
    at('2026-11-02T12:04:00Z');
    const live = createMarket({ config: fake.config, store: new MemoryStore() });
    let tries = 0;
    const s = scheduler(db, {
      ...live,
      refresh: async () => {
        tries++;
        throw new Error('every market source is down');
      },
    });
    at('2026-11-02T12:05:00Z');
    await tick(s);
    expect(tries).toBe(2);
    const [failed] = await runsOf('market-store-network-snapshot');
    expect(failed).toMatchObject({ outcome: 'failed' });
    expect(failed!.error).toContain('every market source is down');
    expect(failed!.error).not.toMatch(/\n\s+at /);
    expect(await runsOf('alerts-evaluate-profitability')).toHaveLength(0);
    const summary = await jobRunSummary(db, clock);
    expect(summary.find((r) => r.functionId === 'market-store-network-snapshot')).toMatchObject({ outcome: 'failed', runs24h: 1, failed24h: 1 });
  });

  it('two instances on one database run a tick once; a run whose instance died is closed and the function runs again', async () => {
    // On PostgreSQL the second instance has a connection pool of its own; PGlite has one owner, so both share it.
    const other = process.env.TEST_DATABASE_URL ? await secondConnection() : undefined;
    try {
      at('2026-11-02T13:09:00Z');
      const [a, b] = [scheduler(db), scheduler(other?.db ?? db)];
      at('2026-11-02T13:10:00Z');
      a.tick();
      b.tick();
      await Promise.all([a.idle(), b.idle()]);
      for (const id of ['telemetry-rollup-5min', 'telemetry-evaluate-alerts', 'pool-tier1-dashboard']) {
        expect((await runsOf(id)).map((r) => [r.scheduledFor?.toISOString(), r.outcome])).toEqual([['2026-11-02T13:10:00.000Z', 'ok']]);
      }

      // An instance stopped mid-run: its row stays 'running' and its heartbeat ages.
      await db.insert(jobRuns).values({ functionId: 'telemetry-rollup-5min', trigger: 'cron */5 * * * *', scheduledFor: new Date('2026-11-02T13:12:00Z'), startedAt: clock, heartbeatAt: clock });
      at('2026-11-02T13:15:00Z'); // heartbeat 5 minutes old: past the lease
      await tick(a);
      const rollups = await runsOf('telemetry-rollup-5min');
      expect(rollups.map((r) => [r.scheduledFor?.toISOString(), r.outcome])).toEqual([
        ['2026-11-02T13:10:00.000Z', 'ok'],
        ['2026-11-02T13:12:00.000Z', 'failed'],
        ['2026-11-02T13:15:00.000Z', 'ok'],
      ]);
      expect(rollups[1]!.error).toMatch(/abandoned/);
    } finally {
      await other?.close();
    }
  });

  it('steps aside when an Inngest server is configured, or when told to', () => {
    const deps = testJobDeps({ db, now: () => clock });
    expect(embeddedSchedulerFor(appEnv(), deps)).not.toBeNull();
    const configured: Record<string, string>[] = [{ INNGEST_EVENT_KEY: 'cloud-event-key' }, { INNGEST_BASE_URL: 'http://127.0.0.1:8288' }, { INNGEST_DEV: '1' }, { JOBS_EMBEDDED: 'false' }];
    for (const extra of configured) {
      const e = appEnv(extra);
      expect(e.jobs.runner).not.toBe('embedded');
      expect(embeddedSchedulerFor(e, deps)).toBeNull();
    }
    expect(() => appEnv({ INNGEST_EVENT_KEY: 'cloud-event-key', JOBS_EMBEDDED: 'true' })).toThrow(/JOBS_EMBEDDED=true/);
  });

  it('a configured Inngest server gets no run from the app: no tick starts anything', async () => {
    at('2026-11-02T14:00:30Z');
    const s = embeddedSchedulerFor(appEnv({ INNGEST_EVENT_KEY: 'cloud-event-key' }), testJobDeps({ db, now: () => clock }));
    expect(s).toBeNull();
    expect(await db.select().from(jobRuns)).toEqual([]);
  });
});

/** A second connection pool on the test's PostgreSQL database: the other instance. */
async function secondConnection(): Promise<DbHandle> {
  const [row] = await queryRows<{ db: string }>(db, sql`select current_database() as db`);
  const u = new URL(process.env.TEST_DATABASE_URL!);
  u.pathname = `/${row!.db}`;
  return openPostgres(u.toString(), { max: 3 });
}
