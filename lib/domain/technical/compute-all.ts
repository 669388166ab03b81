import { adx } from './adx';
import { atr } from './atr';
import { bollinger } from './bollinger';
import { cci } from './cci';
import { ichimoku } from './ichimoku';
import { macd } from './macd';
import { ema, sma } from './moving-averages';
import { obv } from './obv';
import { rsi } from './rsi';
import { stochasticFast, stochasticSlow } from './stochastic';
import type { Bars } from './types';
import { vwap } from './vwap';
import { williamsR } from './williams-r';

/** The settings the technical page uses: the textbook defaults, stated on the page beside each panel. */
export const PERIODS = {
  smaFast: 50,
  smaSlow: 200,
  emaFast: 12,
  emaSlow: 26,
  bollinger: 20,
  bollingerDev: 2,
  rsi: 14,
  stochK: 14,
  stochSlowing: 3,
  stochD: 3,
  atr: 14,
  williamsR: 14,
  cci: 20,
  adx: 14,
  vwap: 20,
  macd: [12, 26, 9],
  ichimoku: [9, 26, 52, 26],
} as const;

/**
 * Every indicator of the technical page over the whole series (the warm-up uses the bars before
 * the chart's range, so a 30-day view shows values from its first day). OBV and VWAP only when the
 * bars carry volume.
 */
export function computeAll(bars: Bars) {
  const p = PERIODS;
  const { close } = bars;
  const volume = bars.volume;
  return {
    smaFast: sma(close, p.smaFast),
    smaSlow: sma(close, p.smaSlow),
    emaFast: ema(close, p.emaFast),
    emaSlow: ema(close, p.emaSlow),
    bollinger: bollinger(close, p.bollinger, p.bollingerDev, p.bollingerDev),
    ichimoku: ichimoku(bars, ...p.ichimoku),
    macd: macd(close, ...p.macd),
    rsi: rsi(close, p.rsi),
    stochSlow: stochasticSlow(bars, p.stochK, p.stochSlowing, p.stochD),
    stochFast: stochasticFast(bars, p.stochK, p.stochD),
    atr: atr(bars, p.atr),
    williamsR: williamsR(bars, p.williamsR),
    cci: cci(bars, p.cci),
    adx: adx(bars, p.adx),
    obv: volume ? obv(close, volume) : null,
    vwap: volume ? vwap({ ...bars, volume }, p.vwap) : null,
  };
}

export type AllIndicators = ReturnType<typeof computeAll>;
