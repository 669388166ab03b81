import { describe, expect, it } from 'vitest';
import { computeAll } from './compute-all';
import { signalSummary, tally } from './signals';

const rising = Array.from({ length: 260 }, (_, i) => 100 + i);
const bars = (close: number[]) => ({ open: close, high: close.map((c) => c + 1), low: close.map((c) => c - 1), close });

describe('signalSummary', () => {
  it('a steady rise: RSI 100 > 70 overbought, price and the 50-day above the 200-day, price above the cloud', () => {
    const b = bars(rising);
    const s = signalSummary(computeAll(b), b.close);
    const by = Object.fromEntries(s.map((x) => [x.indicator, x]));
    expect(by.rsi).toMatchObject({ rule: 'rsiOverbought', tone: 'bearish' });
    expect(by.rsi!.values.value).toBe(100);
    expect(by.sma).toMatchObject({ rule: 'smaGolden', tone: 'bullish' });
    expect(by.price).toMatchObject({ rule: 'priceAboveSma', tone: 'bullish' });
    expect(by.ichimoku).toMatchObject({ rule: 'cloudAbove', tone: 'bullish' });
    expect(by.adx).toMatchObject({ rule: 'adxTrendUp' });
    const t = tally(s);
    expect(t.bullish + t.bearish + t.neutral).toBe(s.length);
  });
  it('a steady fall mirrors it', () => {
    const b = bars(rising.map((c) => 1000 - c));
    const by = Object.fromEntries(signalSummary(computeAll(b), b.close).map((x) => [x.indicator, x]));
    expect(by.rsi).toMatchObject({ rule: 'rsiOversold', tone: 'bullish' });
    expect(by.sma).toMatchObject({ rule: 'smaDeath', tone: 'bearish' });
    expect(by.ichimoku).toMatchObject({ rule: 'cloudBelow', tone: 'bearish' });
    expect(by.adx).toMatchObject({ rule: 'adxTrendDown', tone: 'bearish' });
  });
  it('gives no line for an indicator still warming up', () => {
    const b = bars(rising.slice(0, 30));
    const names = signalSummary(computeAll(b), b.close).map((x) => x.indicator);
    expect(names).toContain('rsi');
    expect(names).not.toContain('sma');
    expect(names).not.toContain('macd');
  });
  it('marks a MACD crossing on the bar it happens', () => {
    const close = [...Array.from({ length: 60 }, (_, i) => 200 - i), ...Array.from({ length: 40 }, (_, i) => 141 + 3 * i)];
    const b = bars(close);
    const ind = computeAll(b);
    const at = ind.macd.macd.findIndex((m, i) => i > 0 && m > ind.macd.signal[i]! && ind.macd.macd[i - 1]! <= ind.macd.signal[i - 1]!);
    expect(at).toBeGreaterThan(0);
    expect(signalSummary(ind, close, at).find((x) => x.indicator === 'macd')?.rule).toBe('macdAboveCross');
  });
});
