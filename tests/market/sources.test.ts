import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { impliedNetworkHashrateHs } from '@/lib/domain/mining/revenue';
import { fetchBlockHeight, fetchBtcPriceUsd, fetchDifficultyHashrate, fetchFeesPerBlockBtc, fetchNextRetarget } from '@/lib/integrations/market/sources';
import { startFakeMarketServer } from '../helpers/fake-market-server';

let fake: Awaited<ReturnType<typeof startFakeMarketServer>>;
beforeAll(async () => {
  fake = await startFakeMarketServer();
});
afterEach(() => fake.reset());
afterAll(() => fake.close());

describe('market sources against recorded replies', () => {
  it('reads every primary source with its name and time', async () => {
    const price = await fetchBtcPriceUsd(fake.config);
    expect(price).toMatchObject({ value: 92650, source: 'coingecko' });
    expect(Date.parse(price.at)).toBeGreaterThan(Date.now() - 5000);
    expect((await fetchDifficultyHashrate(fake.config)).value).toEqual({ difficulty: 109782075598905.2, networkHashrateHs: 894536453617417600000, hashrateDerived: false });
    expect((await fetchFeesPerBlockBtc(fake.config)).value).toBeCloseTo(0.1045, 10);
    expect((await fetchBlockHeight(fake.config)).value).toBe(877126);
    expect((await fetchNextRetarget(fake.config)).value).toEqual({ estimatedAt: '2025-01-12T07:16:32.720Z', changePct: 4.800834381577257, remainingBlocks: 1860, progressPct: 7.738095238095238, nextRetargetHeight: 878976 });
  });

  it('falls back to mempool.space prices when CoinGecko answers 500, after retrying it', async () => {
    fake.set('/cg/api/v3/simple/price', [{ status: 500, body: 'upstream error' }]);
    const price = await fetchBtcPriceUsd(fake.config);
    expect(price).toMatchObject({ value: 92447, source: 'mempool.space' });
    expect(fake.hits['/cg/api/v3/simple/price']).toBe(3); // one try + two retries
  });

  it('falls back when CoinGecko times out', async () => {
    fake.set('/cg/api/v3/simple/price', [{ delayMs: 3000, body: '{"bitcoin":{"usd":1}}' }]);
    const price = await fetchBtcPriceUsd(fake.config);
    expect(price.source).toBe('mempool.space');
  });

  it('retries a 503 and then takes the primary answer', async () => {
    fake.set('/cg/api/v3/simple/price', [{ status: 503 }, { status: 503 }, { body: '{"bitcoin":{"usd":93000}}' }]);
    const price = await fetchBtcPriceUsd(fake.config);
    expect(price).toMatchObject({ value: 93000, source: 'coingecko' });
    expect(fake.hits['/cg/api/v3/simple/price']).toBe(3);
  });

  it('does not retry a 404 (asking again cannot fix it) and falls back at once', async () => {
    fake.set('/cg/api/v3/simple/price', [{ status: 404 }]);
    await fetchBtcPriceUsd(fake.config);
    expect(fake.hits['/cg/api/v3/simple/price']).toBe(1);
  });

  it('treats a malformed body as a failure, never as a value', async () => {
    fake.set('/cg/api/v3/simple/price', [{ body: '{"bitcoin":{"usd":"NaN"}}' }]);
    expect((await fetchBtcPriceUsd(fake.config)).source).toBe('mempool.space');
  });

  it('derives the hashrate from blockchain.info difficulty when mempool.space is down', async () => {
    fake.set('/mp/api/v1/mining/hashrate/3d', [{ status: 500 }]);
    const r = await fetchDifficultyHashrate(fake.config);
    expect(r.source).toBe('blockchain.info');
    expect(r.value.hashrateDerived).toBe(true);
    expect(r.value.networkHashrateHs).toBeCloseTo(impliedNetworkHashrateHs(109782075598905.2), -3);
    expect((await fetchBlockHeight({ ...fake.config, mempoolUrl: fake.config.blockchainInfoUrl })).value).toBe(877125);
  });

  it('fails with every source named when all are down', async () => {
    fake.set('/cg/api/v3/simple/price', [{ status: 500 }]);
    fake.set('/mp/api/v1/prices', [{ status: 502 }]);
    await expect(fetchBtcPriceUsd(fake.config)).rejects.toThrow(/coingecko.*mempool\.space/);
  });
});
