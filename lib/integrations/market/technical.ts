import type { Db } from '@/db/client';
import { dailyCandles } from '@/db/queries/market/daily-candles';
import { computeAll, PERIODS } from '@/lib/domain/technical/compute-all';
import { type Signal, signalSummary } from '@/lib/domain/technical/signals';
import type { Line } from '@/lib/domain/technical/types';

export const TECHNICAL_RANGES = ['30d', '90d', '1y', 'all'] as const;
export type TechnicalRange = (typeof TECHNICAL_RANGES)[number];

const RANGE_DAYS: Record<TechnicalRange, number> = { '30d': 30, '90d': 90, '1y': 365, all: Infinity };
const DAY_MS = 86_400_000;

type Values = Array<number | null>;

/** 6 significant digits, null for no value: more than a chart shows, a third of the page weight. */
const round = (v: number) => (Number.isFinite(v) ? Number(v.toPrecision(6)) : null);

export const OVERLAY_KEYS = ['smaFast', 'smaSlow', 'emaFast', 'emaSlow', 'bbUpper', 'bbMiddle', 'bbLower', 'ichiConversion', 'ichiBase', 'ichiSpanA', 'ichiSpanB', 'vwap'] as const;
export const PANEL_KEYS = ['macd', 'macdSignal', 'macdHist', 'rsi', 'stochK', 'stochD', 'stochFastK', 'stochFastD', 'atr', 'obv', 'williamsR', 'cci', 'adx', 'plusDi', 'minusDi'] as const;
export type OverlayKey = (typeof OVERLAY_KEYS)[number];
export type PanelKey = (typeof PANEL_KEYS)[number];

export type TechnicalData = {
  range: TechnicalRange;
  /** The bars' days in the range, then `ahead` days after the last bar for the Ichimoku cloud. */
  days: string[];
  ahead: number;
  ohlc: { open: Values; high: Values; low: Values; close: Values };
  overlays: Record<OverlayKey, Values>;
  panels: Record<PanelKey, Values>;
  signals: Signal[];
  /** The last bar the signals describe, its close, and the span held. */
  last: { day: string; close: number } | null;
  /** How many candles came from where: the bundled CryptoCompare file, or the app's own 5-minute price snapshots rolled up per day. */
  held: { first: string; last: string; bars: number; bundled: number; snapshots: number } | null;
  hasVolume: boolean;
  periods: typeof PERIODS;
};

/**
 * The technical page's data: every indicator computed here on the server over all the candles
 * held (so the warm-up falls before the range, not inside it), then cut to the range and rounded.
 * The bundled candles carry no volume, so OBV and VWAP are empty and the page says why.
 */
export async function loadTechnical(db: Db, range: TechnicalRange): Promise<TechnicalData> {
  const candles = await dailyCandles(db);
  const bars = { open: candles.map((c) => c.open), high: candles.map((c) => c.high), low: candles.map((c) => c.low), close: candles.map((c) => c.close) };
  const ind = computeAll(bars);
  const n = candles.length;
  const from = Math.max(0, n - Math.min(n, RANGE_DAYS[range]));
  const ahead = n > 0 ? PERIODS.ichimoku[3] : 0;
  const lastDay = candles.at(-1)?.day;
  const future = lastDay ? Array.from({ length: ahead }, (_, k) => new Date(Date.parse(lastDay) + (k + 1) * DAY_MS).toISOString().slice(0, 10)) : [];
  const cut = (line: Line | null, extra: Line | null = null): Values => {
    const part = line ? line.slice(from).map(round) : new Array<null>(n - from).fill(null);
    return [...part, ...(extra ? extra.map(round) : new Array<null>(ahead).fill(null))];
  };
  const none = new Array<number>(n).fill(NaN);
  return {
    range,
    days: [...candles.slice(from).map((c) => c.day), ...future],
    ahead,
    ohlc: { open: cut(bars.open), high: cut(bars.high), low: cut(bars.low), close: cut(bars.close) },
    overlays: {
      smaFast: cut(ind.smaFast),
      smaSlow: cut(ind.smaSlow),
      emaFast: cut(ind.emaFast),
      emaSlow: cut(ind.emaSlow),
      bbUpper: cut(ind.bollinger.upper),
      bbMiddle: cut(ind.bollinger.middle),
      bbLower: cut(ind.bollinger.lower),
      ichiConversion: cut(ind.ichimoku.conversion),
      ichiBase: cut(ind.ichimoku.base),
      ichiSpanA: cut(ind.ichimoku.spanA, ind.ichimoku.ahead.spanA),
      ichiSpanB: cut(ind.ichimoku.spanB, ind.ichimoku.ahead.spanB),
      vwap: cut(ind.vwap),
    },
    panels: {
      macd: cut(ind.macd.macd),
      macdSignal: cut(ind.macd.signal),
      macdHist: cut(ind.macd.histogram),
      rsi: cut(ind.rsi),
      stochK: cut(ind.stochSlow.k),
      stochD: cut(ind.stochSlow.d),
      stochFastK: cut(ind.stochFast.k),
      stochFastD: cut(ind.stochFast.d),
      atr: cut(ind.atr),
      obv: cut(ind.obv ?? none),
      williamsR: cut(ind.williamsR),
      cci: cut(ind.cci),
      adx: cut(ind.adx.adx),
      plusDi: cut(ind.adx.plusDi),
      minusDi: cut(ind.adx.minusDi),
    },
    signals: signalSummary(ind, bars.close),
    last: lastDay ? { day: lastDay, close: bars.close[n - 1]! } : null,
    held: n ? { first: candles[0]!.day, last: lastDay!, bars: n, snapshots: candles.filter((c) => c.source.startsWith('snapshots')).length, bundled: candles.filter((c) => !c.source.startsWith('snapshots') && c.source.includes('cryptocompare')).length } : null,
    hasVolume: ind.obv !== null,
    periods: PERIODS,
  };
}
