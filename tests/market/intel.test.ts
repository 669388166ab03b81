import { InngestTestEngine } from '@inngest/test';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { listIntel } from '@/db/queries/market/intel';
import { createBinanceClient } from '@/lib/integrations/binance/client';
import { createDeribitClient } from '@/lib/integrations/deribit/client';
import { refreshIntelSource } from '@/lib/integrations/market-intel/refresh';
import { createOkxClient } from '@/lib/integrations/okx/client';
import { createTestDb } from '../helpers/db';
import { intelRoutes, startFakeIntelServer } from '../helpers/fake-market-intel-server';
import { testJobs } from '../helpers/jobs';

// The replies are tests/fixtures/market-intel: hand-written from each vendor's documentation, not captures.
let db: Db;
let drop: () => Promise<void>;
let fake: Awaited<ReturnType<typeof startFakeIntelServer>>;
const NOW = new Date('2026-12-07T08:00:00Z');

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  fake = await startFakeIntelServer();
});
afterAll(async () => {
  await fake.close();
  await drop();
});
beforeEach(() => fake.reset());

describe('clients read the documented shapes', () => {
  it('Binance: lastFundingRate 0.0001 per 8 h, 80,000 BTC open interest × $98,000 mark = $7.84 bn', async () => {
    const c = createBinanceClient({ baseUrl: fake.config.binanceUrl, fetch: fake.config.fetch });
    const f = await c.funding();
    expect(f).toEqual({ instrument: 'BTCUSDT', rate: 0.0001, intervalHours: 8, nextFundingAt: '2026-12-07T08:00:00.000Z', observedAt: '2026-12-07T07:59:30.000Z', markPriceUsd: 98_000 });
    expect(await c.openInterest(f.markPriceUsd)).toEqual({ instrument: 'BTCUSDT', btc: 80_000, usd: 7_840_000_000, observedAt: '2026-12-07T07:59:30.000Z' });
    expect(fake.queries['/bn/fapi/v1/premiumIndex']).toEqual(['?symbol=BTCUSDT']);
  });

  it('OKX: fundingRate 0.00005, interval fundingTime 08:00 → nextFundingTime 16:00 = 8 h; oiCcy 25,000 BTC, oiUsd $2.45 bn', async () => {
    const c = createOkxClient({ baseUrl: fake.config.okxUrl, fetch: fake.config.fetch });
    expect(await c.funding()).toEqual({ instrument: 'BTC-USDT-SWAP', rate: 0.00005, intervalHours: 8, nextFundingAt: '2026-12-07T08:00:00.000Z', observedAt: '2026-12-07T07:59:30.000Z' });
    expect(await c.openInterest()).toEqual({ instrument: 'BTC-USDT-SWAP', btc: 25_000, usd: 2_450_000_000, observedAt: '2026-12-07T07:59:30.000Z' });
    expect(fake.queries['/okx/api/v5/public/open-interest']).toEqual(['?instType=SWAP&instId=BTC-USDT-SWAP']);
  });

  it('Deribit: funding_8h 0.00008; open interest $1 bn = 10,204.08 BTC at $98,000; ATM IV per expiry', async () => {
    const c = createDeribitClient({ baseUrl: fake.config.deribitUrl, fetch: fake.config.fetch });
    const p = await c.perpetual();
    expect(p.funding).toMatchObject({ instrument: 'BTC-PERPETUAL', rate: 0.00008, intervalHours: 8 });
    expect(p.openInterest.usd).toBe(1_000_000_000);
    expect(p.openInterest.btc).toBeCloseTo(10_204.081_632_653, 6);
    const iv = await c.ivTerm(NOW);
    expect(iv.points).toEqual([
      // forward 98,100: 98,000 nearest; (45.2 + 45.6) / 2; 11 Dec 08:00 − 7 Dec 08:00 = 4 days
      { expiry: '2026-12-11T08:00:00.000Z', days: 4, strike: 98_000, atmIvPct: expect.closeTo(45.4, 10), underlyingUsd: 98_100 },
      // forward 98,400: 100,000 (1,600 away) beats 95,000 (3,400); (47.0 + 47.4) / 2
      { expiry: '2026-12-25T08:00:00.000Z', days: 18, strike: 100_000, atmIvPct: expect.closeTo(47.2, 10), underlyingUsd: 98_400 },
      // 24 + 31 + 28 + 26 = 109 days; (52.1 + 52.5) / 2; the 120,000 put has no mark IV
      { expiry: '2027-03-26T08:00:00.000Z', days: 109, strike: 100_000, atmIvPct: expect.closeTo(52.3, 10), underlyingUsd: 99_500 },
    ]);
    expect(fake.queries['/drb/api/v2/public/get_book_summary_by_currency']).toEqual(['?currency=BTC&kind=option']);
  });
});

describe('timeouts, retries and errors', () => {
  it('a 503 is retried and the second reply used', async () => {
    fake.set('/bn/fapi/v1/premiumIndex', [{ status: 503, body: 'busy' }, ...intelRoutes()['/bn/fapi/v1/premiumIndex']!]);
    const f = await createBinanceClient({ baseUrl: fake.config.binanceUrl, fetch: fake.config.fetch }).funding();
    expect(f.rate).toBe(0.0001);
    expect(fake.hits['/bn/fapi/v1/premiumIndex']).toBe(2);
  });

  it('a reply slower than the timeout is cut, retried twice, then an error', async () => {
    fake.set('/okx/api/v5/public/funding-rate', [{ delayMs: 1500, body: '{}' }]);
    await expect(createOkxClient({ baseUrl: fake.config.okxUrl, fetch: { timeoutMs: 300, retries: 2, backoffMs: 5 } }).funding()).rejects.toThrow(/failed/);
    expect(fake.hits['/okx/api/v5/public/funding-rate']).toBe(3);
  });

  it('OKX code other than "0" under HTTP 200 is an error; a 400 is not retried', async () => {
    fake.set('/okx/api/v5/public/funding-rate', [{ body: JSON.stringify({ code: '51001', msg: 'Instrument ID does not exist', data: [] }) }]);
    await expect(createOkxClient({ baseUrl: fake.config.okxUrl, fetch: fake.config.fetch }).funding()).rejects.toThrow(/code 51001/);
    fake.set('/bn/fapi/v1/openInterest', [{ status: 400, body: '{"code":-1121,"msg":"Invalid symbol."}' }]);
    await expect(createBinanceClient({ baseUrl: fake.config.binanceUrl, fetch: fake.config.fetch }).openInterest(null)).rejects.toThrow(/400/);
    expect(fake.hits['/bn/fapi/v1/openInterest']).toBe(1);
  });

  it('a Deribit JSON-RPC error and a malformed number never become values', async () => {
    fake.set('/drb/api/v2/public/ticker', [{ body: JSON.stringify({ jsonrpc: '2.0', error: { code: 10_009, message: 'not_found' } }) }]);
    await expect(createDeribitClient({ baseUrl: fake.config.deribitUrl, fetch: fake.config.fetch }).perpetual()).rejects.toThrow(/not_found/);
    fake.set('/bn/fapi/v1/premiumIndex', [{ body: JSON.stringify({ symbol: 'BTCUSDT', markPrice: '98000', lastFundingRate: 'n/a', time: 1 }) }]);
    await expect(createBinanceClient({ baseUrl: fake.config.binanceUrl, fetch: fake.config.fetch }).funding()).rejects.toThrow(/lastFundingRate/);
  });
});

describe('refreshIntelSource stores each figure; a failure keeps the last good one', () => {
  it('stores, then on a failure stamps the attempt and keeps the payload, then a success clears the error', async () => {
    const first = await refreshIntelSource(db, fake.config, 'okx', NOW);
    expect(first).toEqual({ source: 'okx', stored: ['funding', 'open_interest'], failed: [] });
    fake.set('/okx/api/v5/public/funding-rate', [{ status: 503, body: 'down' }]);
    const later = new Date(NOW.getTime() + 15 * 60_000);
    const second = await refreshIntelSource(db, fake.config, 'okx', later);
    expect(second.failed).toEqual([{ metric: 'funding', error: expect.stringContaining('503') }]);
    const row = (await listIntel(db)).find((r) => r.source === 'okx' && r.metric === 'funding')!;
    expect(row).toMatchObject({ fetchedAt: NOW, attemptedAt: later, lastError: expect.stringContaining('503'), payload: { rate: 0.00005 } });
    fake.reset();
    await refreshIntelSource(db, fake.config, 'okx', new Date(later.getTime() + 15 * 60_000));
    expect((await listIntel(db)).find((r) => r.source === 'okx' && r.metric === 'funding')!.lastError).toBeNull();
  });

  it('switched off: nothing fetched, nothing written', async () => {
    const before = (await listIntel(db)).length;
    expect(await refreshIntelSource(db, { ...fake.config, live: false }, 'binance', NOW)).toEqual({ source: 'binance', stored: [], failed: [] });
    expect(fake.hits).toEqual({});
    expect((await listIntel(db)).length).toBe(before);
  });
});

describe('the 15-minute job', () => {
  it('refreshes the three exchanges, one step each; a second run rewrites the same 7 rows', async () => {
    const { jobs } = testJobs({ db, marketIntel: fake.config, now: () => NOW });
    const run = await new InngestTestEngine({ function: jobs.refreshMarketIntel }).execute();
    expect(run.error).toBeUndefined();
    expect(run.result).toMatchObject({ fetched: true, outcomes: [{ source: 'binance', failed: [] }, { source: 'okx', failed: [] }, { source: 'deribit', stored: ['funding', 'open_interest', 'iv_term'], failed: [] }] });
    await new InngestTestEngine({ function: jobs.refreshMarketIntel }).execute();
    const rows = await listIntel(db);
    expect(rows).toHaveLength(7);
    expect(rows.every((r) => r.lastError === null)).toBe(true);
  });

  it('with the switch off it fetches nothing', async () => {
    const { jobs } = testJobs({ db });
    const run = await new InngestTestEngine({ function: jobs.refreshMarketIntel }).execute();
    expect(run.result).toEqual({ fetched: false, reason: 'market intelligence fetching disabled' });
    expect(fake.hits).toEqual({});
  });
});
