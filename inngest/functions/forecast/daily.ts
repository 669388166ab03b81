import { FORECAST_SERIES } from '@/lib/domain/forecast/series';
import { refreshForecast } from '@/lib/integrations/forecast/refresh';
import type { JobsClient } from '../../client';

/**
 * Daily at 00:40 UTC (after the market roll-up has closed the day): for each series, loads its
 * history, fits and backtests the ARIMA model and stores the forecast under (series, today) with an
 * upsert, so a retry or a second run the same day replaces the row. A fresh live retarget estimate
 * (from the current epoch's block times, via the market cache) enters the difficulty forecast.
 * One step per series keeps each retry small; one run at a time.
 */
export const forecastDaily = (inngest: JobsClient) =>
  inngest.createFunction({ id: 'forecast-daily', triggers: [{ cron: '40 0 * * *' }], concurrency: { limit: 1 } }, async ({ step, db, market, now: clock }) => {
    const day = await step.run('day', () => clock().toISOString().slice(0, 10));
    const retarget = await step.run('live-retarget', async () => {
      if (!market.config.live) return null;
      const r = (await market.cached())?.value?.retarget?.value;
      return r && Number.isFinite(r.changePct) ? { changePct: r.changePct } : null;
    });
    const stored: Record<string, string | null> = {};
    for (const series of FORECAST_SERIES) {
      stored[series] = await step.run(`forecast-${series}`, async () => {
        const result = await refreshForecast(db, series, day, { liveRetarget: series === 'difficulty' ? retarget : null });
        if (!result) return null;
        return `${result.spec.p},${result.spec.d},${result.spec.q}${result.spec.trend ? '+c' : ''}`;
      });
    }
    return { day, stored };
  });
