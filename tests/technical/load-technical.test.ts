import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { seedMarketHistory } from '@/db/seed/market';
import { loadTechnical } from '@/lib/integrations/market/technical';
import btcDaily from '@/tests/fixtures/technical/btc-daily.json' with { type: 'json' };
import { createTestDb } from '../helpers/db';

let db: Db;
let drop: () => Promise<void>;

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  await seedMarketHistory(db);
});
afterAll(async () => drop());

const talib = (fn: string, key = 'outReal') => (btcDaily.cases.find((c) => c.fn === fn)!.outputs as unknown as Record<string, (number | null)[]>)[key]!;

describe('loadTechnical', () => {
  it('30 days of the bundled candles plus 26 days of cloud ahead, values from the whole history (no warm-up gap)', async () => {
    const t = await loadTechnical(db, '30d');
    expect(t.held).toEqual({ first: '2024-01-01', last: '2026-01-06', bars: 737, bundled: 737, snapshots: 0 });
    expect(t.days).toHaveLength(30 + 26);
    expect(t.days[29]).toBe('2026-01-06');
    expect(t.days.at(-1)).toBe('2026-02-01');
    expect(t.ohlc.close[29]).toBe(93720.5);
    // Every panel has a value on the range's first day: the warm-up used the bars before it.
    for (const [key, line] of Object.entries(t.panels)) if (key !== 'obv') expect(line[0], key).not.toBeNull();
    // Computed on the server from the database rows: the same as TA-Lib on the bundled file.
    expect(t.panels.rsi[29]).toBeCloseTo(talib('RSI').at(-1)!, 3);
    expect(t.panels.adx[29]).toBeCloseTo(talib('ADX').at(-1)!, 3);
    expect(t.panels.macdSignal[29]).toBeCloseTo(talib('MACD', 'outMACDSignal').at(-1)!, 2);
    expect(t.overlays.ichiSpanA.slice(30).every((v) => v !== null)).toBe(true);
    expect(t.ohlc.close.slice(30).every((v) => v === null)).toBe(true);
  });
  it('states the signals and says the candles carry no volume', async () => {
    const t = await loadTechnical(db, 'all');
    expect(t.days).toHaveLength(737 + 26);
    expect(t.hasVolume).toBe(false);
    expect(t.panels.obv.every((v) => v === null)).toBe(true);
    const rsi = t.signals.find((s) => s.indicator === 'rsi')!;
    expect(rsi.values.value).toBeCloseTo(talib('RSI').at(-1)!, 9);
    expect(t.signals.map((s) => s.indicator)).toEqual(expect.arrayContaining(['rsi', 'macd', 'stochastic', 'williamsR', 'cci', 'adx', 'sma', 'bollinger', 'ichimoku']));
  });
});
