// `npx tsx scripts/forecast-report.ts`: the forecasts and backtests the page shows, on the bundled
// history loaded into a fresh embedded database (nothing live), as a table for the README.
import { migrateDb, openPglite } from '@/db/client';
import { seedMarketHistory } from '@/db/seed/market';
import { FORECAST_SERIES, SERIES_CONFIG } from '@/lib/domain/forecast/series';
import { fitStoredSeries } from '@/lib/integrations/forecast/refresh';

const handle = await openPglite();
try {
  await migrateDb(handle);
  await seedMarketHistory(handle.db);
  const rows = [];
  for (const series of FORECAST_SERIES) {
    const config = SERIES_CONFIG[series];
    const { result: r } = await fitStoredSeries(handle.db, series);
    if (!r) continue;
    const b = r.backtest;
    const s = r.spec;
    // Errors in the series' display unit: USD, T (10¹² difficulty), EH/s, USD per TH/s per day; MAPE is a percentage, unscaled.
    const scale = series === 'difficulty' ? 1e12 : series === 'hashrate' ? 1e18 : 1;
    const sig = (v: number | undefined, by = scale) => (v === undefined ? '—' : Number((v / by).toPrecision(4)));
    rows.push({
      series,
      data: `${r.fittedFrom} → ${r.lastObserved.t}`,
      model: `ARIMA(${s.p},${s.d},${s.q})${s.trend ? '+c' : ''}`,
      horizon: `${config.horizon} ${config.step}s, ${b?.origins ?? 0} origins`,
      rmse: sig(b?.model.rmse),
      rmseNaive: sig(b?.naive.rmse),
      mae: sig(b?.model.mae),
      maeNaive: sig(b?.naive.mae),
      mapePct: sig(b?.model.mape, 1),
      mapeNaivePct: sig(b?.naive.mape, 1),
      beatsNaive: b?.beatsNaive ?? null,
    });
  }
  console.table(rows);
} finally {
  await handle.close();
}
