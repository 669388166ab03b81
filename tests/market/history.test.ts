import { InngestTestEngine } from '@inngest/test';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Db, queryRows } from '@/db/client';
import { dailyCoverage, dailyHashpriceUsd, dailySince, latestSnapshot, snapshotAtOrBefore, snapshotSeries, upsertDaily, upsertSnapshot } from '@/db/queries/market/snapshots';
import { seedNetworkDaily } from '@/db/seed/market';
import type { Jobs } from '@/inngest';
import { snapshotStored } from '@/inngest/events';
import { MemoryStore } from '@/lib/integrations/market/cache';
import type { MarketConfig } from '@/lib/integrations/market/config';
import { createMarket } from '@/lib/integrations/market/current';
import { createTestDb } from '../helpers/db';
import { startFakeMarketServer } from '../helpers/fake-market-server';
import { testJobs } from '../helpers/jobs';

let db: Db;
let drop: () => Promise<void>;
let fake: Awaited<ReturnType<typeof startFakeMarketServer>>;
let jobs: Jobs['jobs'];
let functions: Jobs['functions'];
/** The jobs with an empty cache in front of the given sources. */
function withSources(config: MarketConfig) {
  ({ jobs, functions } = testJobs({ db, market: createMarket({ config, store: new MemoryStore() }) }));
}

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  fake = await startFakeMarketServer();
});
beforeEach(() => {
  withSources(fake.config);
});
afterEach(() => fake.reset());
afterAll(async () => {
  await fake.close();
  await drop();
});

// The announcement step is answered here: the test checks what is sent, no Inngest server receives it.
const run = () => new InngestTestEngine({ function: jobs.storeNetworkSnapshot, steps: [{ id: 'announce', handler: () => ({ ids: ['test'] }) }] }).execute();
const countSnapshots = async () => Number((await queryRows<{ n: string }>(db, sql`select count(*) as n from network_snapshots`))[0]!.n);

describe('market-store-network-snapshot (Inngest cron)', () => {
  it('is served, every 5 minutes', () => {
    expect(functions).toContain(jobs.storeNetworkSnapshot);
  });

  it('stores the live values with hashprice in its bucket and announces the bucket', async () => {
    const { result, ctx, error } = await run();
    expect(error).toBeUndefined();
    const r = result as { stored: boolean; bucketStart: string };
    expect(r.stored).toBe(true);
    expect(new Date(r.bucketStart).getTime() % (5 * 60_000)).toBe(0);
    const s = (await latestSnapshot(db))!;
    expect(s).toMatchObject({ btcPriceUsd: 92650, difficulty: 109782075598905.2, blockHeight: 877126 });
    expect(s.feesPerBlockBtc).toBeCloseTo(0.1045, 10);
    // 1e15 · 86400 · (3.125 + 0.1045) / (109782075598905.2 · 2^32) BTC per PH/s per day
    const expectedBtc = (1e15 * 86400 * 3.2295) / (109782075598905.2 * 4294967296);
    expect(s.hashpriceBtcPerPhDay).toBeCloseTo(expectedBtc, 12);
    expect(s.hashpriceUsdPerPhDay).toBeCloseTo(expectedBtc * 92650, 6);
    expect(s.sources).toMatchObject({ price: { source: 'coingecko' }, difficulty: { source: 'mempool.space' } });
    const [day] = await dailySince(db, r.bucketStart.slice(0, 10));
    expect(day).toMatchObject({ day: r.bucketStart.slice(0, 10), priceCloseUsd: 92650, difficulty: 109782075598905.2, source: 'snapshots' });
    const send = ctx.step.sendEvent as unknown as { mock: { calls: unknown[][] } };
    expect(send.mock.calls[0]![1]).toEqual({ name: snapshotStored.name, data: { bucketStart: r.bucketStart } });
  });

  it('is idempotent per bucket: a re-run in the same 5 minutes rewrites the one row', async () => {
    const before = await countSnapshots();
    const previous = (await latestSnapshot(db))!.bucketStart.toISOString();
    fake.set('/cg/api/v3/simple/price', [{ body: '{"bitcoin":{"usd":95000}}' }]);
    const { result, error } = await run();
    expect(error).toBeUndefined();
    const sameBucket = (result as { bucketStart: string }).bucketStart === previous;
    // Normally the same bucket (one row, rewritten); across a 5-minute boundary exactly one new row.
    expect(await countSnapshots()).toBe(before + (sameBucket ? 0 : 1));
    expect((await latestSnapshot(db))!.btcPriceUsd).toBe(95000);
  });

  it('stores nothing and announces nothing when the sources are unreachable', async () => {
    const before = await countSnapshots();
    withSources({ ...fake.config, coingeckoUrl: 'http://127.0.0.1:9', mempoolUrl: 'http://127.0.0.1:9' });
    const { result, ctx } = await run();
    expect(result).toMatchObject({ stored: false });
    expect(await countSnapshots()).toBe(before);
    expect((ctx.step.sendEvent as unknown as { mock: { calls: unknown[] } }).mock.calls).toHaveLength(0);
  });
});

describe('market queries', () => {
  it('upserts snapshots per bucket and finds the one at or before a time', async () => {
    const base = { difficulty: 1e14, networkHashrateHs: 7e20, feesPerBlockBtc: null, blockHeight: 1, hashpriceBtcPerPhDay: 0.0006, hashpriceUsdPerPhDay: 60, sources: {} };
    await upsertSnapshot(db, { ...base, bucketStart: new Date('2025-01-01T00:00:00Z'), btcPriceUsd: 100 });
    await upsertSnapshot(db, { ...base, bucketStart: new Date('2025-01-01T00:05:00Z'), btcPriceUsd: 200 });
    await upsertSnapshot(db, { ...base, bucketStart: new Date('2025-01-01T00:05:00Z'), btcPriceUsd: 300 });
    expect((await snapshotAtOrBefore(db, new Date('2025-01-01T00:07:00Z')))!.btcPriceUsd).toBe(300);
    expect((await snapshotAtOrBefore(db, new Date('2025-01-01T00:04:59Z')))!.btcPriceUsd).toBe(100);
    const series = await snapshotSeries(db, new Date('2025-01-01T00:00:00Z'), 60);
    expect(series[0]).toMatchObject({ t: '2025-01-01T00:00:00.000Z', priceUsd: 200 }); // mean of 100 and 300 in the hour
  });

  it('seeds the bundled real price history once, and a null never erases a stored value', async () => {
    expect(await seedNetworkDaily(db)).toBe(737);
    expect(await seedNetworkDaily(db)).toBe(0);
    const cov = await dailyCoverage(db);
    const live = (await dailySince(db, '2026-01-07')).length; // days rolled up by the cron test above
    expect(cov).toMatchObject({ first: '2024-01-01', days: 737 + live });
    expect((await dailySince(db, '2026-01-06'))[0]).toMatchObject({ day: '2026-01-06', priceCloseUsd: 93720.48 });
    const [halving] = await dailySince(db, '2024-04-20');
    expect(halving).toMatchObject({ day: '2024-04-20', priceOpenUsd: 63848.26, priceCloseUsd: 64979.21, difficulty: null });
    await upsertDaily(db, [{ day: '2024-04-20', priceOpenUsd: null, priceHighUsd: null, priceLowUsd: null, priceCloseUsd: null, difficulty: 86388558925171.02, networkHashrateHs: null, feesPerBlockBtc: 0.5, source: 'difficulty: test' }]);
    const [after] = await dailySince(db, '2024-04-20');
    expect(after).toMatchObject({ priceCloseUsd: 64979.21, difficulty: 86388558925171.02, feesPerBlockBtc: 0.5 });
    expect(after!.source).toContain('cryptocompare');
    // Hashprice from the daily row: close · 1e15 · 86400 · (3.125 + 0.5) / (D · 2^32); days without difficulty are absent.
    const hp = await dailyHashpriceUsd(db, '2024-04-19', '2024-04-21');
    expect(hp).toHaveLength(1);
    expect(hp[0]!.usd).toBeCloseTo((64979.21 * 1e15 * 86400 * 3.625) / (86388558925171.02 * 4294967296), 6);
  });
});
