import type { Db } from '@/db/client';
import { upsertForecast } from '@/db/queries/forecast/forecasts';
import { loadSeriesInput } from '@/db/queries/forecast/inputs';
import { runForecast, type SeriesForecast } from '@/lib/domain/forecast/run-forecast';
import { type ForecastSeriesKey, SERIES_CONFIG } from '@/lib/domain/forecast/series';

type FitOptions = { liveRetarget?: { changePct: number } | null };

/** One series fitted on its stored history (the daily job, the page's first view and the README report share it). */
export async function fitStoredSeries(db: Db, series: ForecastSeriesKey, opts: FitOptions = {}): Promise<{ result: SeriesForecast | null; source: string }> {
  const config = SERIES_CONFIG[series];
  const input = await loadSeriesInput(db, series, config.window);
  return { result: runForecast(input.observations, config, opts), source: input.source };
}

/** Fits one series and stores it under (series, day), replacing that day's row; null when the history is too short to fit. */
export async function refreshForecast(db: Db, series: ForecastSeriesKey, day: string, opts: FitOptions = {}): Promise<SeriesForecast | null> {
  const { result, source } = await fitStoredSeries(db, series, opts);
  if (result) await upsertForecast(db, { series, day, result, source });
  return result;
}
