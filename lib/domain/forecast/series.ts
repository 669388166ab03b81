/*
 * The series the forecast page and the daily job model, each with its transform and horizon.
 * Price, hashrate and revenue per TH/s are daily; difficulty is per 2016-block epoch (it only
 * changes at a retarget, so a daily series would be a staircase of repeated values).
 */

export const FORECAST_SERIES = ['price', 'difficulty', 'hashrate', 'revenue'] as const;
export type ForecastSeriesKey = (typeof FORECAST_SERIES)[number];

export type SeriesConfig = {
  key: ForecastSeriesKey;
  step: 'day' | 'epoch';
  /** Steps forecast ahead, and the number of points (most recent) the model is fitted on. */
  horizon: number;
  window: number;
  /** Rolling-origin backtest: cut points, each forecasting `horizon` steps. */
  backtestOrigins: number;
};

export const SERIES_CONFIG: Record<ForecastSeriesKey, SeriesConfig> = {
  price: { key: 'price', step: 'day', horizon: 30, window: 730, backtestOrigins: 12 },
  difficulty: { key: 'difficulty', step: 'epoch', horizon: 6, window: 200, backtestOrigins: 12 },
  hashrate: { key: 'hashrate', step: 'day', horizon: 30, window: 730, backtestOrigins: 12 },
  revenue: { key: 'revenue', step: 'day', horizon: 30, window: 730, backtestOrigins: 12 },
};

/** An observation: its time (a UTC day, or an epoch's start) and value (NaN where missing). */
export type Observation = { t: string; value: number };
