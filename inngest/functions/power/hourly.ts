import { aggregatePowerHours, powerSites } from '@/db/queries/power/aggregate';
import type { JobsClient } from '../../client';

const HOUR_MS = 3_600_000;
/** Matches the five-minute rollup's late window: readings replayed that late still reach their hour. */
const LATE_HOURS = 3;

/**
 * Hourly at :07 UTC (after the :05 five-minute rollup): each site's power hours from the five-minute
 * history, the last three complete hours and the current one so far — so late telemetry re-aggregates
 * its hour. One step per site; the query holds a per-site lock, so a backfill never runs beside it.
 */
export const powerHourly = (inngest: JobsClient) =>
  inngest.createFunction({ id: 'power-hourly', triggers: [{ cron: '7 * * * *' }], concurrency: { limit: 1 } }, async ({ step, db, now: clock }) => {
    const now = new Date(await step.run('now', () => clock().toISOString()));
    const to = new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS + HOUR_MS);
    const from = new Date(to.getTime() - (LATE_HOURS + 1) * HOUR_MS);
    const sites = await step.run('sites', () => powerSites(db));
    let hours = 0;
    for (const s of sites) hours += await step.run(`hours-${s.id}`, () => aggregatePowerHours(db, s.id, from, to));
    return { sites: sites.length, hours, from: from.toISOString(), to: to.toISOString() };
  });
