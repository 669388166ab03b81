import type { Db } from '@/db/client';
import { latestForecasts, type StoredForecast } from '@/db/queries/forecast/forecasts';
import { FORECAST_SERIES, type ForecastSeriesKey } from '@/lib/domain/forecast/series';
import type { RoiForecast } from '@/lib/domain/mining/forecast-scenario';
import { refreshForecast } from './refresh';

/**
 * The newest stored forecast of each series for the forecast page. A series the daily job has not
 * stored yet (a fresh install before its first 00:40 UTC run) is computed here once, the same way
 * the job does, and stored under today's row, so the page never shows an empty chart for want of a
 * cron run and the next view reads it back.
 */
export async function loadForecasts(db: Db, now = new Date()): Promise<Array<StoredForecast & { series: ForecastSeriesKey }>> {
  const stored = await latestForecasts(db);
  const missing = FORECAST_SERIES.filter((s) => !stored.some((f) => f.series === s));
  if (missing.length) {
    const day = now.toISOString().slice(0, 10);
    for (const series of missing) await refreshForecast(db, series, day);
  }
  const all = missing.length ? await latestForecasts(db) : stored;
  return FORECAST_SERIES.flatMap((s) => {
    const f = all.find((x) => x.series === s);
    return f ? [{ ...f, series: s }] : [];
  });
}

/**
 * The newest stored price and difficulty forecasts for the ROI page's forecast scenarios. Read only:
 * unlike the forecast page, the calculator does not fit a missing forecast on a page view.
 */
export async function loadRoiForecasts(db: Db): Promise<{ price: RoiForecast | null; difficulty: RoiForecast | null }> {
  const stored = await latestForecasts(db);
  const pick = (series: ForecastSeriesKey): RoiForecast | null => {
    const f = stored.find((x) => x.series === series);
    if (!f) return null;
    const last = f.result.lastObserved;
    const future = f.result.points.filter((p) => p.median !== null && p.t !== last.t);
    return { day: f.day, spec: f.result.spec, lastObserved: last, points: future };
  };
  return { price: pick('price'), difficulty: pick('difficulty') };
}
