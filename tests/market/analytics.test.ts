import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { upsertDaily, upsertSnapshot } from '@/db/queries/market/snapshots';
import { seedNetworkDaily } from '@/db/seed/market';
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
  await seedNetworkDaily(db);
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
    expect(m).toMatchObject({ origin: 'bundled', stale: true, halving: { height: 1_050_000, blocksLeft: 172_874 } });
    expect(m.hashprice.usdPerPhDay).toBeCloseTo(hashpricePerPhDay({ difficulty: 109782075598905.2, blockRewardBtc: 3.125, feesPerBlockBtc: 0, btcPriceUsd: 92447 }).usd, 9);
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

describe('loadNetworkAnalytics', () => {
  it('offline: charts the bundled prices up to their last day and leaves the index empty', async () => {
    const a = await loadNetworkAnalytics(db, '30d', new Date('2026-11-22T05:00:00Z'), market);
    expect(a.resolution).toEqual({ kind: 'daily', last: '2026-01-06' });
    expect(a.points).toHaveLength(30);
    expect(a.points.at(-1)).toMatchObject({ t: '2026-01-06', price: 93720.48, difficultyT: null, hashpriceUsd: null });
    expect(a.averages.price.avg7).toBeCloseTo((87886.81 + 87133.26 + 88410.54 + 87519.13 + 88742.68 + 89959.25 + 90598.87 + 91499.58 + 93871.45 + 93720.48 - 87886.81 - 87133.26 - 88410.54) / 7, 6);
    expect(a.mpi.value).toBeNull();
    expect(a.fleet.model).toBe('Antminer S21');
  });

  it('computes the Mining Profitability Index once a year of difficulty is held', async () => {
    // A constant difficulty over the bundled year makes the daily hashprice proportional to the close.
    const days = (await import('@/db/seed/market-data/daily-price.json', { with: { type: 'json' } })).default.rows as [string, number, number, number, number][];
    await upsertDaily(db, days.slice(-365).map(([day]) => ({ day, priceOpenUsd: null, priceHighUsd: null, priceLowUsd: null, priceCloseUsd: null, difficulty: 1.2e14, networkHashrateHs: null, feesPerBlockBtc: null, source: 'test' })));
    const a = await loadNetworkAnalytics(db, '1y', new Date('2026-11-22T05:00:00Z'), market);
    expect(a.mpi.days).toBe(365);
    const closes = days.slice(-365).map((d) => d[4]).sort((x, y) => x - y);
    const medianUsd = (closes[182]! * 1e15 * 86400 * 3.125) / (1.2e14 * 2 ** 32);
    expect(a.mpi.median).toBeCloseTo(medianUsd, 6);
    expect(a.mpi.value).toBeCloseTo((a.metrics.hashprice.usdPerPhDay / medianUsd) * 100, 6);
  });
});
