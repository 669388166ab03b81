import { aggregatePowerHours, powerSites } from '@/db/queries/power/aggregate';
import { refreshMeteredHours } from '@/db/queries/power/meter-refresh';
import type { JobsClient } from '../../client';

const HOUR_MS = 3_600_000;
/** Matches the five-minute rollup's late window: readings replayed that late still reach their hour. */
const LATE_HOURS = 3;

/**
 * Hourly at :07 UTC (after the :05 five-minute rollup): each site's power hours from the five-minute
 * history, the last three complete hours and the current one so far — so late telemetry re-aggregates
 * its hour — and the hours late meter readings touched, with their days and months (a month of them
 * per site a run). Steps per site; the query holds a per-site lock, so a backfill never runs beside it.
 */
export const powerHourly = (inngest: JobsClient) =>
  inngest.createFunction({ id: 'power-hourly', triggers: [{ cron: '7 * * * *' }], concurrency: { limit: 1 } }, async ({ step, db, now: clock }) => {
    const now = new Date(await step.run('now', () => clock().toISOString()));
    const to = new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS + HOUR_MS);
    const from = new Date(to.getTime() - (LATE_HOURS + 1) * HOUR_MS);
    const sites = await step.run('sites', () => powerSites(db));
    let hours = 0;
    let metered = 0;
    for (const s of sites) {
      hours += await step.run(`hours-${s.id}`, () => aggregatePowerHours(db, s.id, from, to));
      metered += (await step.run(`meters-${s.id}`, () => refreshMeteredHours(db, s.id))).hours;
    }
    return { sites: sites.length, hours, metered, from: from.toISOString(), to: to.toISOString() };
  });
