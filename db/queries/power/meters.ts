import { and, eq, sql } from 'drizzle-orm';
import { AppError } from '@/lib/core/errors';
import type { Scope } from '@/lib/core/scope';
import { localMonthRange } from '@/lib/domain/power/zone';
import { type Db, queryRows } from '../../client';
import { sites } from '../../schema';
import { pgArray } from '../pg-array';
import { scopeWhere } from '../scope';

export type MeterReading = { meterId: string; periodStart: Date; periodEnd: Date; energyWh: number };

/**
 * Stores a site's meter readings (CSV import or the meters' push API: `source`), one statement for
 * the batch; a re-sent interval (same meter and end) replaces the earlier value. The site must be in
 * the writer's scope.
 */
export async function upsertMeterReadings(db: Db, scope: Scope, siteId: string, rows: readonly MeterReading[], source: 'csv' | 'api'): Promise<number> {
  const [site] = await db.select({ id: sites.id, orgId: sites.orgId }).from(sites).where(and(eq(sites.id, siteId), scopeWhere({ orgId: sites.orgId, siteId: sites.id }, scope)));
  if (!site) throw new AppError('NOT_FOUND', 'No such site');
  if (!rows.length) return 0;
  const out = await queryRows<{ n: number }>(
    db,
    sql`with r as (
      select * from unnest(${pgArray(rows.map((r) => r.meterId))}::text[], ${pgArray(rows.map((r) => r.periodStart.toISOString()))}::timestamptz[],
        ${pgArray(rows.map((r) => r.periodEnd.toISOString()))}::timestamptz[], ${pgArray(rows.map((r) => r.energyWh))}::bigint[]) as r(meter_id, period_start, period_end, energy_wh)
    ), up as (
      insert into meter_readings (site_id, meter_id, period_end, period_start, org_id, energy_wh, source)
      select distinct on (meter_id, period_end) ${siteId}::uuid, meter_id, period_end, period_start, ${site.orgId}::uuid, energy_wh, ${source} from r
      order by meter_id, period_end
      on conflict (site_id, meter_id, period_end) do update set period_start = excluded.period_start, energy_wh = excluded.energy_wh, source = excluded.source, received_at = now()
      returning 1
    ) select count(*)::int as n from up`,
  );
  return out[0]?.n ?? 0;
}

export type Reconciliation = { siteId: string; month: string; meterWh: number | null; meters: number; minersWh: number; customersWh: number; billedWh: number; lossesWh: number | null; pue: number | null };

/**
 * A site's local month, metered against measured (staff only): the meters' energy (intervals ending
 * in the month), the sum of its miners (power_hourly), the customers' share of it and what was
 * billed. The difference meter − miners is losses and cooling; meter ÷ miners is the PUE.
 */
export async function reconcileMonth(db: Db, scope: Scope, siteId: string, month: string): Promise<Reconciliation> {
  const [site] = await db.select({ id: sites.id, timeZone: sites.timeZone }).from(sites).where(and(eq(sites.id, siteId), scopeWhere({ orgId: sites.orgId, siteId: sites.id }, scope)));
  if (!site) throw new AppError('NOT_FOUND', 'No such site');
  const { from, to } = localMonthRange(month, site.timeZone);
  const [f, t] = [from.toISOString(), to.toISOString()];
  const [r] = await queryRows<{ meter_wh: number | null; meters: number; miners_wh: number; customers_wh: number; billed_wh: number }>(
    db,
    sql`select
      (select sum(energy_wh)::float8 from meter_readings where site_id = ${siteId} and period_end > ${f}::timestamptz and period_end <= ${t}::timestamptz) as meter_wh,
      (select count(distinct meter_id)::int from meter_readings where site_id = ${siteId} and period_end > ${f}::timestamptz and period_end <= ${t}::timestamptz) as meters,
      coalesce((select sum(energy_wh)::float8 from power_hourly where site_id = ${siteId} and hour >= ${f}::timestamptz and hour < ${t}::timestamptz), 0) as miners_wh,
      coalesce((select sum(energy_wh)::float8 from power_customer_hourly where site_id = ${siteId} and hour >= ${f}::timestamptz and hour < ${t}::timestamptz), 0) as customers_wh,
      coalesce((select sum(energy_wh)::float8 from power_bills where site_id = ${siteId} and month = ${`${month}-01`}::date), 0) as billed_wh`,
  );
  const meterWh = r!.meter_wh;
  return {
    siteId,
    month,
    meterWh,
    meters: r!.meters,
    minersWh: r!.miners_wh,
    customersWh: r!.customers_wh,
    billedWh: r!.billed_wh,
    lossesWh: meterWh === null ? null : meterWh - r!.miners_wh,
    pue: meterWh === null || !r!.miners_wh ? null : Math.round((meterWh / r!.miners_wh) * 1000) / 1000,
  };
}
