import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchDailyHistory, mempoolSpan } from '@/lib/integrations/market/history';
import { startFakeMarketServer } from '../helpers/fake-market-server';

let fake: Awaited<ReturnType<typeof startFakeMarketServer>>;
beforeAll(async () => {
  fake = await startFakeMarketServer();
});
afterAll(() => fake.close());

describe('market:backfill fetch layer', () => {
  it.each([
    [7, '1m'],
    [365, '1y'],
    [730, '2y'],
    [2000, 'all'],
  ])('%d days → mempool.space span %s', (days, span) => {
    expect(mempoolSpan(days)).toBe(span);
  });

  it('builds one row per day: close, difficulty of the epoch in force, hashrate and mean fees', async () => {
    const rows = await fetchDailyHistory(fake.config, 4, new Date('2024-12-31T06:00:00Z'));
    expect(rows.map((r) => r.day)).toEqual(['2024-12-28', '2024-12-29', '2024-12-30']);
    const [d28, d29, d30] = rows;
    expect(d28).toMatchObject({ priceCloseUsd: 95140.15, difficulty: 108522647629298.2, networkHashrateHs: 812358732185422400000 });
    expect(d29).toMatchObject({ priceCloseUsd: 93564.85, networkHashrateHs: 861873217703934800000 });
    expect(d30!.priceCloseUsd).toBe(92646.21); // the partial-day point (today) is dropped with today's row
    expect(d30!.feesPerBlockBtc).toBeCloseTo(0.1045, 10);
    expect(d28!.priceOpenUsd).toBeNull(); // the market chart has closes only: nothing is invented for OHLC
  });

  it('fails when a source is down rather than storing a partial history', async () => {
    fake.set('/mp/api/v1/mining/hashrate/1m', [{ status: 500 }]);
    await expect(fetchDailyHistory(fake.config, 4, new Date('2024-12-31T06:00:00Z'))).rejects.toThrow(/500/);
  });
});
