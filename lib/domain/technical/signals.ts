import { type AllIndicators, PERIODS } from './compute-all';

export type Tone = 'bullish' | 'bearish' | 'neutral';

/**
 * One line of the signal summary: `rule` names a message (Technical.rules.<rule>) that states the
 * rule with `values` filled in, e.g. "RSI 72.4 > 70: overbought". No text is built here.
 */
export type Signal = { indicator: string; rule: string; tone: Tone; values: Record<string, number> };

const last = (line: readonly number[] | null | undefined, i: number) => (line && i >= 0 && i < line.length ? line[i]! : NaN);
const ok = (...v: number[]) => v.every(Number.isFinite);

/**
 * The summary for bar `i` (normally the last): each indicator's textbook threshold rule
 * (RSI 70/30, stochastic 80/20, Williams %R −20/−80, CCI ±100, ADX 25/20, price against the
 * 50/200-day averages, the Bollinger bands and the Ichimoku cloud, MACD against its signal).
 * An indicator still in its warm-up gives no line. Rules, not advice: the page says so.
 */
export function signalSummary(ind: AllIndicators, close: readonly number[], i = close.length - 1): Signal[] {
  const out: Signal[] = [];
  const c = last(close, i);
  const push = (indicator: string, rule: string, tone: Tone, values: Record<string, number>) => out.push({ indicator, rule, tone, values });

  const r = last(ind.rsi, i);
  if (ok(r)) push('rsi', r > 70 ? 'rsiOverbought' : r < 30 ? 'rsiOversold' : 'rsiNeutral', r > 70 ? 'bearish' : r < 30 ? 'bullish' : 'neutral', { value: r, period: PERIODS.rsi });

  const m = last(ind.macd.macd, i);
  const s = last(ind.macd.signal, i);
  if (ok(m, s)) {
    const pm = last(ind.macd.macd, i - 1);
    const ps = last(ind.macd.signal, i - 1);
    const above = m > s;
    const crossed = ok(pm, ps) && pm > ps !== above;
    push('macd', `${above ? 'macdAbove' : 'macdBelow'}${crossed ? 'Cross' : ''}`, above ? 'bullish' : 'bearish', { macd: m, signal: s });
  }

  const k = last(ind.stochSlow.k, i);
  const d = last(ind.stochSlow.d, i);
  if (ok(k, d)) push('stochastic', k > 80 ? 'stochOverbought' : k < 20 ? 'stochOversold' : 'stochNeutral', k > 80 ? 'bearish' : k < 20 ? 'bullish' : 'neutral', { k, d });

  const w = last(ind.williamsR, i);
  if (ok(w)) push('williamsR', w > -20 ? 'willrOverbought' : w < -80 ? 'willrOversold' : 'willrNeutral', w > -20 ? 'bearish' : w < -80 ? 'bullish' : 'neutral', { value: w });

  const cc = last(ind.cci, i);
  if (ok(cc)) push('cci', cc > 100 ? 'cciOverbought' : cc < -100 ? 'cciOversold' : 'cciNeutral', cc > 100 ? 'bearish' : cc < -100 ? 'bullish' : 'neutral', { value: cc });

  const a = last(ind.adx.adx, i);
  const pdi = last(ind.adx.plusDi, i);
  const mdi = last(ind.adx.minusDi, i);
  if (ok(a, pdi, mdi)) {
    const up = pdi > mdi;
    const rule = a >= 25 ? (up ? 'adxTrendUp' : 'adxTrendDown') : a < 20 ? 'adxNoTrend' : 'adxWeak';
    push('adx', rule, a >= 25 ? (up ? 'bullish' : 'bearish') : 'neutral', { adx: a, plusDi: pdi, minusDi: mdi });
  }

  const f = last(ind.smaFast, i);
  const sl = last(ind.smaSlow, i);
  if (ok(c, f, sl)) push('sma', f > sl ? 'smaGolden' : 'smaDeath', f > sl ? 'bullish' : 'bearish', { fast: f, slow: sl, fastPeriod: PERIODS.smaFast, slowPeriod: PERIODS.smaSlow });
  if (ok(c, f)) push('price', c > f ? 'priceAboveSma' : 'priceBelowSma', c > f ? 'bullish' : 'bearish', { close: c, sma: f, period: PERIODS.smaFast });

  const up = last(ind.bollinger.upper, i);
  const lo = last(ind.bollinger.lower, i);
  if (ok(c, up, lo)) push('bollinger', c > up ? 'bbAbove' : c < lo ? 'bbBelow' : 'bbInside', c > up ? 'bearish' : c < lo ? 'bullish' : 'neutral', { close: c, upper: up, lower: lo });

  const sa = last(ind.ichimoku.spanA, i);
  const sb = last(ind.ichimoku.spanB, i);
  if (ok(c, sa, sb)) {
    const top = Math.max(sa, sb);
    const bottom = Math.min(sa, sb);
    push('ichimoku', c > top ? 'cloudAbove' : c < bottom ? 'cloudBelow' : 'cloudInside', c > top ? 'bullish' : c < bottom ? 'bearish' : 'neutral', { close: c, top, bottom });
  }
  return out;
}

/** Counts of each tone, for the summary's headline. */
export function tally(signals: Signal[]): Record<Tone, number> {
  const t: Record<Tone, number> = { bullish: 0, bearish: 0, neutral: 0 };
  for (const s of signals) t[s.tone]++;
  return t;
}
