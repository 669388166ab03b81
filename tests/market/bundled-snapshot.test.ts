import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NETWORK_HISTORY_DIR, parseCsv } from '@/db/seed/network-history';
import { deriveBundledSnapshot } from '@/lib/domain/market/bundled-snapshot';
import { bundledSnapshot } from '@/lib/integrations/market/bundled';
import file from '@/db/seed/market-data/snapshot.json' with { type: 'json' };
import prices from '@/db/seed/market-data/daily-price.json' with { type: 'json' };

async function csv(name: string) {
  return parseCsv(await readFile(path.join(NETWORK_HISTORY_DIR, name), 'utf8'));
}

describe('the offline snapshot is derived from the bundled data', () => {
  it('snapshot.json equals what the bundle derives (run `npm run market:bundle` after updating the data)', async () => {
    const derived = deriveBundledSnapshot({ daily: await csv('network-daily.csv'), epochs: await csv('difficulty-epochs.csv'), prices: { provider: 'CryptoCompare CCCAGG', rows: prices.rows as [string, number, number, number, number][] } });
    expect(file).toEqual(derived);
  });

  it('hand-checked against the files: the newest row of each kind, with its own day', async () => {
    const daily = await csv('network-daily.csv');
    const last = daily[daily.length - 1]!;
    const s = bundledSnapshot();
    // network-daily.csv ends 2026-01-31: difficulty 141,668,107,417,558.25 (epoch 463), 7-day hashrate 866.2103 EH/s, 0.02203382 BTC fees per block over 138 blocks.
    expect(last.date).toBe('2026-01-31');
    expect(s.difficulty).toBe(141668107417558.25);
    expect(s.networkHashrateHs).toBe(866.2103e18);
    expect(s.feesPerBlockBtc).toBe(0.02203382);
    // Epoch 463 starts at height 933,408 (2016 · 463) on 2026-01-22; the subsidy there is 50 >> 4 = 3.125 BTC.
    expect(s.blockHeight).toBe(2016 * 463);
    expect(s.blockRewardBtc).toBe(3.125);
    // The newest daily close of the price bundle: 2026-01-06 at 93,720.48 USD.
    expect(s.btcPriceUsd).toBe(93720.48);
    expect(s.sources).toEqual({ price: 'bundled history (2026-01-06)', difficulty: 'bundled history (2026-01-31)', hashrate: 'bundled history (2026-01-31)', fees: 'bundled history (2026-01-31)', height: 'bundled history (2026-01-22)' });
    // As a whole it is as old as its oldest part, stale, and has no retarget estimate.
    expect(s).toMatchObject({ asOf: '2026-01-06T00:00:00.000Z', origin: 'bundled', stale: true, nextRetarget: null });
  });

  it('never takes an empty cell for a value: a newer day without hashrate falls back to the newest with one', () => {
    const row = (date: string, v: Partial<Record<string, string>>) => ({ date, difficulty: '10', blocks: '144', hashrate_ehs_7d: null, fees_btc_per_block: null, ...v });
    const s = deriveBundledSnapshot({
      daily: [row('2026-01-01', { hashrate_ehs_7d: '5.5', fees_btc_per_block: '0.01' }), row('2026-01-02', { difficulty: '11' })],
      epochs: [{ epoch: '1', start_height: '2016', start_time_utc: '2025-12-20T00:00:00Z' }, { epoch: '2', start_height: '4032', start_time_utc: null }],
      prices: { provider: 'p', rows: [['2026-01-02', 1, 1, 1, 42]] },
    });
    expect(s).toEqual({
      asOf: '2025-12-20',
      price: { usd: 42, day: '2026-01-02', provider: 'p' },
      difficulty: { value: 11, day: '2026-01-02' },
      hashrate: { hs: 5.5e18, day: '2026-01-01' },
      fees: { perBlockBtc: 0.01, day: '2026-01-01', blocks: 144 },
      height: { value: 2016, day: '2025-12-20', epoch: 1 },
    });
  });
});
