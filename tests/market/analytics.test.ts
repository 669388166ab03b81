import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { upsertSnapshot } from '@/db/queries/market/snapshots';
import { seedMarketHistory } from '@/db/seed/market';
import { NETWORK_HISTORY_DIR, parseCsv } from '@/db/seed/network-history';
import { hashpricePerPhDay } from '@/lib/domain/market/hashprice';
import { loadNetworkAnalytics } from '@/lib/integrations/market/analytics';
import { MemoryStore } from '@/lib/integrations/market/cache';
import { createMarket, type Market } from '@/lib/integrations/market/current';
import { currentMetrics } from '@/lib/integrations/market/metrics';
import { createTestDb } from '../helpers/db';
import { startFakeMarketServer } from '../helpers/fake-market-server';

let db: Db;
let drop: () => Promise<void>;
let fake: Awaited<ReturnType<typeof startFakeMarketServer>>;
let market: Market;

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  fake = await startFakeMarketServer();
  await seedMarketHistory(db);
});
beforeEach(() => {
  market = createMarket({ config: { ...fake.config, live: false }, store: new MemoryStore() });
});
afterAll(async () => {
  await fake.close();
  await drop();
});

describe('currentMetrics (GET /api/metrics)', () => {
  it('offline: the bundled snapshot with its hashprice, the halving countdown and no 24h change', async () => {
    const m = await currentMetrics(db, market);
    expect(m).toMatchObject({ origin: 'bundled', stale: true, halving: { height: 1_050_000, blocksLeft: 1_050_000 - 933_408 } });
    // Fees: the bundled history's newest day (2026-01-31), not 0.
    expect(m.hashprice.usdPerPhDay).toBeCloseTo(hashpricePerPhDay({ difficulty: 141668107417558.25, blockRewardBtc: 3.125, feesPerBlockBtc: 0.02203382, btcPriceUsd: 93720.48 }).usd, 9);
    expect(m.change24h.btcPriceUsd).toBeNull();
  });

  it('live: the change against the stored snapshot 24 hours earlier', async () => {
    market = createMarket({ config: fake.config, store: new MemoryStore() });
    const base = { difficulty: 1e14, networkHashrateHs: 8e20, feesPerBlockBtc: 0.1, blockHeight: 876_980, hashpriceBtcPerPhDay: 0.0006, hashpriceUsdPerPhDay: 50, sources: {} };
    await upsertSnapshot(db, { ...base, bucketStart: new Date(Date.now() - 24 * 3600_000 - 60_000), btcPriceUsd: 90_000 });
    const m = await currentMetrics(db, market);
    expect(m.origin).toBe('live');
    expect(m.change24h.btcPriceUsd).toBeCloseTo(((92650 - 90_000) / 90_000) * 100, 9);
    expect(m.change24h.difficulty).toBeCloseTo(9.782075598905, 6);
  });
});

describe('loadNetworkAnalytics over the bundled history', () => {
  const now = new Date('2026-11-22T05:00:00Z');

  it('30 d: daily values up to the last day held, nulls where a column has none', async () => {
    const a = await loadNetworkAnalytics(db, '30d', now, market);
    expect(a.resolution).toEqual({ kind: 'daily', first: '2009-01-03', last: '2026-01-31' });
    expect(a.points).toHaveLength(30);
    const last = a.points.at(-1)!;
    // Prices are bundled to 2026-01-06 only: no price, so no USD hashprice, on the last day.
    expect(last).toMatchObject({ t: '2026-01-31', price: null, difficulty: 141668107417558.25, hashpriceUsd: null });
    expect(last.feesBtc).toBeCloseTo(3.0406678, 10);
    // The CSV's own 7-day mean (from unrounded daily values) is 866.2103 EH/s.
    expect(last.hashrateThs! / 1e6).toBeCloseTo(866.2103, 2);
    // Epoch 463 has no end time, so no epoch-average hashrate: null, not carried over from 462.
    expect(last.hashrateEpochThs).toBeNull();
    expect(a.points.find((p) => p.t === '2026-01-05')!.hashrateEpochThs).toBeGreaterThan(0);
  });

  it('a hand-checked hashprice from a bundled day', async () => {
    const a = await loadNetworkAnalytics(db, '30d', now, market);
    // 2026-01-31: 1e15 · 86400 · (3.125 + 0.02203382) / (141,668,107,417,558.25 · 2^32) = 0.000446872057 BTC per PH/s per day
    expect(a.points.at(-1)!.hashpriceBtc).toBeCloseTo(0.000446872057306, 14);
    const y = await loadNetworkAnalytics(db, '1y', now, market);
    // 2026-01-06: 1e15 · 86400 · (3.125 + 0.02126447) / (148,258,433,855,481.31 · 2^32) = 0.000426903484 BTC; × $93,720.48 close = $40.0096
    const jan6 = y.points.find((p) => p.t === '2026-01-06')!;
    expect(jan6.hashpriceBtc).toBeCloseTo(0.000426903483931, 14);
    expect(jan6.hashpriceUsd).toBeCloseTo(40.00959942766535, 9);
  });

  it('1 y: 365 daily points; the August 2025 gap stays a gap (no fees, no hashprice), never 0', async () => {
    const a = await loadNetworkAnalytics(db, '1y', now, market);
    expect(a.points).toHaveLength(365);
    expect(a.points[0]!.t).toBe('2025-02-01');
    const gap = a.points.find((p) => p.t === '2025-08-06')!;
    expect(gap).toMatchObject({ feesBtc: null, hashpriceBtc: null, hashpriceUsd: null, hashrateThs: null, difficulty: 127620086886391.78 });
    expect(a.halvings).toEqual([]);
  });

  it('all: weekly means from 2009 (under 1,000 points) with the four halvings marked', async () => {
    const a = await loadNetworkAnalytics(db, 'all', now, market);
    expect(a.resolution).toMatchObject({ kind: 'weekly', first: '2009-01-03', last: '2026-01-31' });
    expect(a.points.length).toBeGreaterThan(880);
    expect(a.points.length).toBeLessThan(1000);
    expect(a.points[0]).toMatchObject({ t: '2009-01-03', difficulty: 1, price: null }); // each week is labelled with its first day held
    // Epoch 0: 4.20931e-12 EH/s implied over its 23.8 days.
    expect(a.points[0]!.hashrateEpochThs).toBeCloseTo(4.20931e-6, 11);
    expect(a.halvings.map((h) => [h.height, h.t])).toEqual([
      [210_000, '2012-11-26'],
      [420_000, '2016-07-04'],
      [630_000, '2020-05-11'],
      [840_000, '2024-04-15'],
    ]);
    const runesWeek = a.points.find((p) => p.t === '2024-04-15')!;
    // The week of 2024-04-15 includes the Runes day (1,257.7 BTC); its mean day is far above a normal ~30 BTC.
    expect(runesWeek.feesBtc).toBeGreaterThan(200);
  });

  it('7- and 30-day averages over the days that have each column', async () => {
    const a = await loadNetworkAnalytics(db, '30d', now, market);
    const rows = parseCsv(await readFile(path.join(NETWORK_HISTORY_DIR, 'network-daily.csv'), 'utf8')).slice(-30);
    const mean = (xs: number[]) => xs.reduce((x, y) => x + y, 0) / xs.length;
    expect(a.averages.fees.avg30).toBeCloseTo(mean(rows.map((r) => Number(r.fees_btc_total))), 8);
    expect(a.averages.fees.avg7).toBeCloseTo(mean(rows.slice(-7).map((r) => Number(r.fees_btc_total))), 8);
    expect(a.averages.difficulty.avg7).toBeCloseTo(mean(rows.slice(-7).map((r) => Number(r.difficulty))), 0);
    // No bundled price after 2026-01-06: no 7-day mean, and the 30-day mean of the five closes held.
    const prices = (await import('@/db/seed/market-data/daily-price.json', { with: { type: 'json' } })).default.rows as [string, number, number, number, number][];
    expect(a.averages.price.avg7).toBeNull();
    expect(a.averages.price.avg30).toBeCloseTo(mean(prices.filter((p) => p[0] >= '2026-01-02').map((p) => p[4])), 6);
  });

  it('the Mining Profitability Index: the newest day with a USD hashprice against the median of the year before', async () => {
    const a = await loadNetworkAnalytics(db, '1y', now, market);
    // Offline the bundled snapshot is as of 2026-01-06, the newest priced day: "now" is that day of history (one day's price and difficulty).
    expect(a.mpi).toMatchObject({ fromHistory: true, asOf: '2026-01-06' });
    expect(a.mpi.usd).toBeCloseTo(40.00959942766535, 9);
    const usd = a.points.map((p) => p.hashpriceUsd).filter((v): v is number => v !== null);
    expect(a.mpi.days).toBe(usd.length);
    expect(a.mpi.days).toBeGreaterThan(300);
    const sorted = [...usd].sort((x, y) => x - y);
    const mid = sorted.length / 2;
    const medianUsd = sorted.length % 2 ? sorted[Math.floor(mid)]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
    expect(a.mpi.median).toBeCloseTo(medianUsd, 9);
    expect(a.mpi.value).toBeCloseTo((40.00959942766535 / medianUsd) * 100, 6);
  });
});
