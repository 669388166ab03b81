import { sql } from 'drizzle-orm';
import { hourRuns } from '@/lib/domain/power/hour-runs';
import { localDate } from '@/lib/domain/power/zone';
import { type Db, queryRows } from '../../client';
import { aggregatePowerDays, aggregatePowerHours, aggregatePowerMonths, powerSite } from './aggregate';

/** Readings received longer ago than this (by the database's clock, which stamps them) were seen by an earlier run, or are a backfill's job. */
const LOOKBACK_HOURS = 48;
/** Hours a request that stored readings re-aggregates before answering (the hourly job takes the rest): two days of a meter pushing every few minutes. */
export const REQUEST_REFRESH_HOURS = 48;

/**
 * The hours of a site a meter reading received in the last 48 h overlaps whose row was built before
 * that reading arrived (its meters_seen_at is older, or the hour has no row): late readings. Oldest
 * first, at most `limit`.
 */
export async function staleMeterHours(db: Db, siteId: string, limit: number): Promise<Date[]> {
  const rows = await queryRows<{ hour: string }>(
    db,
    sql`select distinct g.hour::text as hour
      from meter_readings r
      cross join lateral generate_series(date_bin('1 hour', r.period_start, timestamptz '2000-01-01'), r.period_end - interval '1 microsecond', interval '1 hour') as g(hour)
      left join power_hourly p on p.site_id = r.site_id and p.hour = g.hour
      where r.site_id = ${siteId} and r.received_at > now() - make_interval(hours => ${LOOKBACK_HOURS})
        and (p.meters_seen_at is null or r.received_at > p.meters_seen_at)
      order by 1 limit ${limit}`,
  );
  return rows.map((r) => new Date(r.hour));
}

/**
 * Re-aggregates the hours late meter readings touched (up to `maxHours` of them; a later call takes
 * the rest), then the site's local days and months around them. Idempotent: a re-run finds nothing
 * stale, and re-aggregating an hour from the same readings leaves the same row.
 */
export async function refreshMeteredHours(db: Db, siteId: string, maxHours = 744): Promise<{ hours: number; more: boolean }> {
  const site = await powerSite(db, siteId);
  if (!site) return { hours: 0, more: false };
  const stale = await staleMeterHours(db, siteId, maxHours + 1);
  const hours = stale.slice(0, maxHours);
  if (!hours.length) return { hours: 0, more: false };
  for (const run of hourRuns(hours)) await aggregatePowerHours(db, siteId, run.from, run.to);
  const fromDay = localDate(hours[0]!, site.timeZone);
  const toDay = localDate(hours[hours.length - 1]!, site.timeZone);
  await aggregatePowerDays(db, siteId, fromDay, toDay);
  await aggregatePowerMonths(db, siteId, fromDay.slice(0, 7), toDay.slice(0, 7));
  return { hours: hours.length, more: stale.length > maxHours };
}
