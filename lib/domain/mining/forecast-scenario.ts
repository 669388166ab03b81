import type { ArimaSpec } from '@/lib/domain/forecast/arima';
import type { ForecastBandPoint } from '@/lib/domain/forecast/run-forecast';
import { BLOCKS_PER_DAY, DAYS_PER_MONTH, DIFFICULTY_EPOCH_BLOCKS } from './constants';
import type { MonthFactors } from './roi';

/*
 * The stored forecasts (lib/domain/forecast, table `forecasts`) as ROI scenarios. Each case reads
 * one path of the price forecast (daily) and one of the difficulty forecast (per 2016-block epoch)
 * at the start of every month of the projection, as a multiplier of the calculator's inputs:
 *
 *   factor(m) = path(t_m) / median(t_0)
 *
 * t_m = now + m months for the price, the epoch of height + m × 4,383 blocks for the difficulty; a
 * time at or before the last observation reads the observation. Dividing by the central path at
 * t_0 keeps the calculator's own price and difficulty as month 1 of the central case, and keeps
 * the band's full width from the forecast's origin. Beyond the forecast's horizon (30 days of
 * price, 6 epochs of difficulty) the path stops and the ROI's growth assumptions carry on from its
 * last factor (roi.ts), so a band end is only a band end for the months the forecast covers.
 *
 * The cases pair the bad end of one band with the bad end of the other (low price, high
 * difficulty) and the good ends likewise. The forecasts are separate univariate models, so a pair
 * is a stress case, not a joint 80 % or 95 % region; the page says so.
 */

export const FORECAST_CASES = ['low95', 'low80', 'central', 'high80', 'high95'] as const;
export type ForecastCase = (typeof FORECAST_CASES)[number];

type Band = 'median' | 'lo80' | 'hi80' | 'lo95' | 'hi95';
const BANDS: Record<ForecastCase, { price: Band; difficulty: Band }> = {
  low95: { price: 'lo95', difficulty: 'hi95' },
  low80: { price: 'lo80', difficulty: 'hi80' },
  central: { price: 'median', difficulty: 'median' },
  high80: { price: 'hi80', difficulty: 'lo80' },
  high95: { price: 'hi95', difficulty: 'lo95' },
};

export type ForecastPath = { lastObserved: { t: string; value: number }; points: ForecastBandPoint[] };
/** A stored forecast as the ROI page receives it: its run day, model and the future part of its path. */
export type RoiForecast = ForecastPath & { day: string; spec: ArimaSpec };

const DAY_MS = 86_400_000;

/** The band's value at a step label; the observation at or before the last observed one; null past the horizon. */
function bandAt(path: ForecastPath, t: string, band: Band, compare: (a: string, b: string) => number): number | null {
  if (compare(t, path.lastObserved.t) <= 0) return path.lastObserved.value;
  const p = path.points.find((x) => x.t === t && x.median !== null);
  return p ? p[band] : null;
}

const byDay = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byEpoch = (a: string, b: string) => Number(a) - Number(b);

function factors(path: ForecastPath, labels: string[], band: Band, compare: (a: string, b: string) => number): number[] {
  const base = bandAt(path, labels[0]!, 'median', compare);
  if (base === null || !(base > 0)) return [];
  const out: number[] = [];
  for (const t of labels) {
    const v = bandAt(path, t, band, compare);
    if (v === null) break;
    out.push(v / base);
  }
  return out;
}

export type ForecastScenarioInput = {
  price: ForecastPath | null;
  difficulty: ForecastPath | null;
  now: Date;
  blockHeight: number;
  months: number;
};

/** The multipliers of one case; an empty array for a series without a forecast or whose forecast ended before today. */
export function forecastFactors(input: ForecastScenarioInput, c: ForecastCase): MonthFactors {
  const monthIdx = Array.from({ length: input.months }, (_, m) => m);
  const days = monthIdx.map((m) => new Date(input.now.getTime() + m * DAYS_PER_MONTH * DAY_MS).toISOString().slice(0, 10));
  const epochs = monthIdx.map((m) => String(Math.floor((input.blockHeight + m * DAYS_PER_MONTH * BLOCKS_PER_DAY) / DIFFICULTY_EPOCH_BLOCKS)));
  return {
    price: input.price ? factors(input.price, days, BANDS[c].price, byDay) : [],
    difficulty: input.difficulty ? factors(input.difficulty, epochs, BANDS[c].difficulty, byEpoch) : [],
  };
}

/** How many months each series' forecast covers (the same for every case). */
export function forecastCoverage(input: ForecastScenarioInput): { priceMonths: number; difficultyMonths: number } {
  const f = forecastFactors(input, 'central');
  return { priceMonths: f.price.length, difficultyMonths: f.difficulty.length };
}
