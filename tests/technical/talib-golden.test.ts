import { describe, expect, it } from 'vitest';
import btcDaily from '@/tests/fixtures/technical/btc-daily.json' with { type: 'json' };
import edge from '@/tests/fixtures/technical/edge.json' with { type: 'json' };
import { adx } from '@/lib/domain/technical/adx';
import { atr, trueRange } from '@/lib/domain/technical/atr';
import { bollinger } from '@/lib/domain/technical/bollinger';
import { cci } from '@/lib/domain/technical/cci';
import { macd } from '@/lib/domain/technical/macd';
import { ema, sma } from '@/lib/domain/technical/moving-averages';
import { obv } from '@/lib/domain/technical/obv';
import { rsi } from '@/lib/domain/technical/rsi';
import { stochasticFast, stochasticSlow } from '@/lib/domain/technical/stochastic';
import type { Bars, Line } from '@/lib/domain/technical/types';
import { williamsR } from '@/lib/domain/technical/williams-r';

/*
 * Every case against TA-Lib's own output (scripts/technical-golden.cjs made the fixtures with the
 * C library): the same bars have a value (warm-up length) and each value agrees within 1e-6
 * (relative to the value's size where it exceeds 1, as prices and OBV do).
 */

type Case = { fn: string; params: Record<string, number>; outputs: Record<string, (number | null)[]> };
type Fixture = { bars: Bars & { volume: number[] }; cases: Case[] };

function ours(bars: Fixture['bars'], c: Case): Record<string, Line> {
  const p = c.params;
  switch (c.fn) {
    case 'SMA':
      return { outReal: sma(bars.close, p.optInTimePeriod!) };
    case 'EMA':
      return { outReal: ema(bars.close, p.optInTimePeriod!) };
    case 'MACD': {
      const m = macd(bars.close, p.optInFastPeriod, p.optInSlowPeriod, p.optInSignalPeriod);
      return { outMACD: m.macd, outMACDSignal: m.signal, outMACDHist: m.histogram };
    }
    case 'RSI':
      return { outReal: rsi(bars.close, p.optInTimePeriod) };
    case 'BBANDS': {
      const b = bollinger(bars.close, p.optInTimePeriod, p.optInNbDevUp, p.optInNbDevDn);
      return { outRealUpperBand: b.upper, outRealMiddleBand: b.middle, outRealLowerBand: b.lower };
    }
    case 'TRANGE':
      return { outReal: trueRange(bars) };
    case 'ATR':
      return { outReal: atr(bars, p.optInTimePeriod) };
    case 'STOCH': {
      const s = stochasticSlow(bars, p.optInFastK_Period, p.optInSlowK_Period, p.optInSlowD_Period);
      return { outSlowK: s.k, outSlowD: s.d };
    }
    case 'STOCHF': {
      const s = stochasticFast(bars, p.optInFastK_Period, p.optInFastD_Period);
      return { outFastK: s.k, outFastD: s.d };
    }
    case 'OBV':
      return { outReal: obv(bars.close, bars.volume) };
    case 'WILLR':
      return { outReal: williamsR(bars, p.optInTimePeriod) };
    case 'CCI':
      return { outReal: cci(bars, p.optInTimePeriod) };
    case 'ADX':
      return { outReal: adx(bars, p.optInTimePeriod).adx };
    case 'PLUS_DI':
      return { outReal: adx(bars, p.optInTimePeriod).plusDi };
    case 'MINUS_DI':
      return { outReal: adx(bars, p.optInTimePeriod).minusDi };
    default:
      throw new Error(`no case for ${c.fn}`);
  }
}

describe.each([
  ['bundled BTC daily', btcDaily as unknown as Fixture],
  ['edge series (flat stretches)', edge as unknown as Fixture],
])('TA-Lib golden: %s', (_, fixture) => {
  it.each(fixture.cases.map((c) => [`${c.fn} ${JSON.stringify(c.params)}`, c] as const))('%s', (_name, c) => {
    const got = ours(fixture.bars, c);
    for (const [key, want] of Object.entries(c.outputs)) {
      const line = got[key]!;
      expect(line, key).toHaveLength(want.length);
      const bad = want.flatMap((w, i) => {
        const v = line[i]!;
        if (w === null) return Number.isNaN(v) ? [] : [`${key}[${i}]: ${v}, TA-Lib has none`];
        return Math.abs(v - w) <= 1e-6 * Math.max(1, Math.abs(w)) ? [] : [`${key}[${i}]: ${v}, TA-Lib ${w}`];
      });
      expect(bad.slice(0, 5), key).toEqual([]);
    }
  });
});
