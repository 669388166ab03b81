import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { NETWORK_HISTORY_DIR, parseCsv } from '@/db/seed/network-history';
import { bundledFees } from '@/lib/integrations/market/bundled';
import { MemoryStore } from '@/lib/integrations/market/cache';
import type { MarketConfig } from '@/lib/integrations/market/config';
import { createMarket, FRESH_MS, type Market, STALE_AFTER_MS } from '@/lib/integrations/market/current';
import type { MarketValues } from '@/lib/integrations/market/live';
import { startFakeMarketServer } from '../helpers/fake-market-server';

let fake: Awaited<ReturnType<typeof startFakeMarketServer>>;
let market: Market;
// Each test starts from an empty cache and the fake sources, unless it builds its own market.
const marketWith = (config: MarketConfig, store = new MemoryStore()) => (market = createMarket({ config, store }));
beforeAll(async () => {
  fake = await startFakeMarketServer();
});
beforeEach(() => {
  marketWith(fake.config);
});
afterEach(() => {
  fake.reset();
});
afterAll(() => fake.close());

const waitFor = async (check: () => boolean) => {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 20));
};

function valuesAt(at: string, price: number): MarketValues {
  return {
    price: { value: price, source: 'coingecko', at },
    network: { value: { difficulty: 1e14, networkHashrateHs: 7e20, hashrateDerived: false }, source: 'mempool.space', at },
    fees: null,
    height: { value: 877000, source: 'mempool.space', at },
    retarget: null,
  };
}

describe('getCurrentNetwork', () => {
  it('cold: fetches live, with a source per value', async () => {
    const s = await market.current();
    expect(s).toMatchObject({ origin: 'live', stale: false, btcPriceUsd: 92650, difficulty: 109782075598905.2, blockHeight: 877126, blockRewardBtc: 3.125 });
    expect(s.feesPerBlockBtc).toBeCloseTo(0.1045, 10);
    expect(s.sources).toMatchObject({ price: 'coingecko', difficulty: 'mempool.space', hashrate: 'mempool.space', fees: 'mempool.space', height: 'mempool.space', retarget: 'mempool.space' });
    expect(s.nextRetarget).toEqual({ estimatedAt: '2025-01-12T07:16:32.720Z', changePct: 4.800834381577257, remainingBlocks: 1860 });
  });

  it('warm and fresh: answers from the cache without calling any source', async () => {
    await market.current();
    const calls = fake.hits['/cg/api/v3/simple/price'];
    const s = await market.current();
    expect(s.origin).toBe('cache');
    expect(fake.hits['/cg/api/v3/simple/price']).toBe(calls);
  });

  it('warm but old: answers at once from the cache and refreshes in the background', async () => {
    const store = new MemoryStore();
    const at = new Date(Date.now() - FRESH_MS - 1000).toISOString();
    await store.set('market:network:v1', { value: valuesAt(at, 50_000), storedAt: Date.now() - FRESH_MS - 1000 }, 60);
    marketWith(fake.config, store);
    const first = await market.current();
    expect(first).toMatchObject({ origin: 'cache', btcPriceUsd: 50_000, stale: false });
    await waitFor(() => (fake.hits['/cg/api/v3/simple/price'] ?? 0) > 0);
    let next = await market.current();
    for (let i = 0; i < 50 && next.btcPriceUsd === 50_000; i++) {
      await new Promise((r) => setTimeout(r, 20));
      next = await market.current();
    }
    expect(next.btcPriceUsd).toBe(92650);
  });

  it('labels a cached observation older than 15 minutes as stale', async () => {
    const store = new MemoryStore();
    const at = new Date(Date.now() - STALE_AFTER_MS - 60_000).toISOString();
    await store.set('market:network:v1', { value: valuesAt(at, 60_000), storedAt: Date.now() }, 60);
    marketWith(fake.config, store);
    expect(await market.current()).toMatchObject({ origin: 'cache', stale: true, asOf: at });
  });

  it('keeps the previous fees when only the fee source fails', async () => {
    await market.current();
    fake.set('/mp/api/v1/mining/reward-stats/144', [{ status: 500 }]);
    const next = await market.refresh((await market.cached())!.value);
    expect(next!.fees!.value).toBeCloseTo(0.1045, 10);
  });

  it('offline with nothing cached: the bundled snapshot, stale, with its real date', async () => {
    marketWith({ ...fake.config, coingeckoUrl: 'http://127.0.0.1:9', mempoolUrl: 'http://127.0.0.1:9', blockchainInfoUrl: 'http://127.0.0.1:9' });
    const s = await market.current();
    expect(s).toMatchObject({ origin: 'bundled', stale: true, asOf: '2026-01-06T00:00:00.000Z', btcPriceUsd: 93720.48, difficulty: 141668107417558.25, blockHeight: 933408 });
    // Fees: the newest day of the bundled history that has one, with its date — never 0.
    expect(s.feesPerBlockBtc).toBe(0.02203382);
    expect(s.sources.fees).toBe('bundled history (2026-01-31)');
  });

  it('the bundled fee is the newest day with fees per block in data/btc-network/network-daily.csv', async () => {
    const rows = parseCsv(await readFile(path.join(NETWORK_HISTORY_DIR, 'network-daily.csv'), 'utf8'));
    const newest = rows.findLast((r) => r.fees_btc_per_block !== null)!;
    expect(bundledFees()).toEqual({ perBlockBtc: Number(newest.fees_btc_per_block), day: newest.date, source: `bundled history (${newest.date})` });
    expect(bundledFees().perBlockBtc).toBeGreaterThan(0);
    // About a day of blocks: the bundled counterpart of the live mean over the last 144 blocks.
    expect(Number(newest.blocks)).toBeGreaterThanOrEqual(100);
  });

  it('with live fetching disabled it never calls out', async () => {
    marketWith({ ...fake.config, live: false });
    expect((await market.current()).origin).toBe('bundled');
    expect(Object.keys(fake.hits)).toHaveLength(0);
  });
});

describe('getCurrentNetwork with stored history', () => {
  it('offline, nothing cached: prefers the newest stored snapshot over the bundled one', async () => {
    const bucketStart = new Date('2025-06-01T12:00:00Z');
    marketWith({
      ...fake.config,
      live: false,
      history: async () => ({ bucketStart, btcPriceUsd: 105_000, difficulty: 1.2e14, networkHashrateHs: 8.5e20, feesPerBlockBtc: 0.03, blockHeight: 899_000, hashpriceBtcPerPhDay: 0.0006, hashpriceUsdPerPhDay: 63, sources: { price: { source: 'coingecko', at: '2025-06-01T12:01:00.000Z' }, difficulty: { source: 'mempool.space', at: '2025-06-01T12:01:00.000Z' } } }),
    });
    const s = await market.current();
    expect(s).toMatchObject({ origin: 'cache', stale: true, asOf: '2025-06-01T12:01:00.000Z', btcPriceUsd: 105_000, feesPerBlockBtc: 0.03, blockHeight: 899_000 });
    expect(s.sources.price).toBe('coingecko (stored)');
  });

  it('a stored snapshot without a fee takes the bundled one with its date, never 0', async () => {
    const bucketStart = new Date('2025-06-01T12:00:00Z');
    marketWith({
      ...fake.config,
      live: false,
      history: async () => ({ bucketStart, btcPriceUsd: 105_000, difficulty: 1.2e14, networkHashrateHs: 8.5e20, feesPerBlockBtc: null, blockHeight: 899_000, hashpriceBtcPerPhDay: 0.0006, hashpriceUsdPerPhDay: 63, sources: { price: { source: 'coingecko', at: '2025-06-01T12:01:00.000Z' }, difficulty: { source: 'mempool.space', at: '2025-06-01T12:01:00.000Z' } } }),
    });
    const s = await market.current();
    expect(s.feesPerBlockBtc).toBe(0.02203382);
    expect(s.sources.fees).toBe('bundled history (2026-01-31)');
  });

  it('live values whose fee source never answered take the bundled fee too', async () => {
    fake.set('/mp/api/v1/mining/reward-stats/144', [{ status: 500 }, { status: 500 }, { status: 500 }]);
    const s = await market.current();
    expect(s.origin).toBe('live');
    expect(s.feesPerBlockBtc).toBe(0.02203382);
    expect(s.sources.fees).toBe('bundled history (2026-01-31)');
  });
});
