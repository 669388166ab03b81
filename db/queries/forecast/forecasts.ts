import { sql } from 'drizzle-orm';
import type { SeriesForecast } from '@/lib/domain/forecast/run-forecast';
import { type Db, queryRows } from '../../client';

/*
 * Stored forecasts: one row per series and UTC day (the daily job upserts, so re-running a day
 * replaces its row). Not tenant data, so no scope.
 */

export type StoredForecast = { series: string; day: string; result: SeriesForecast; source: string; updatedAt: string };

export async function upsertForecast(db: Db, p: { series: string; day: string; result: SeriesForecast; source: string }): Promise<void> {
  await queryRows(
    db,
    sql`insert into forecasts (series, day, result, source) values (${p.series}, ${p.day}::date, ${JSON.stringify(p.result)}::jsonb, ${p.source})
        on conflict (series, day) do update set result = excluded.result, source = excluded.source, updated_at = now()
        returning series`,
  );
}

/** The newest stored forecast of every series. */
export async function latestForecasts(db: Db): Promise<StoredForecast[]> {
  const rows = await queryRows<{ series: string; day: string; result: SeriesForecast; source: string; updated_at: string }>(
    db,
    sql`select distinct on (series) series, day::text as day, result, source, updated_at::text as updated_at
        from forecasts order by series, day desc`,
  );
  return rows.map((r) => ({ series: r.series, day: r.day, result: typeof r.result === 'string' ? JSON.parse(r.result) : r.result, source: r.source, updatedAt: r.updated_at }));
}
