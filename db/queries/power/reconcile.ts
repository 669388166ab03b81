import { and, eq, sql } from 'drizzle-orm';
import { AppError } from '@/lib/core/errors';
import type { Scope } from '@/lib/core/scope';
import { type ReconcileFigures, reconcile } from '@/lib/domain/power/reconcile';
import { localDayRange, localMonthRange } from '@/lib/domain/power/zone';
import { type Db, queryRows } from '../../client';
import { sites } from '../../schema';
import { scopeWhere } from '../scope';

export type ReconcileRow = ReconcileFigures & {
  /** A local day ('YYYY-MM-DD'), an hour (ISO instant), or null for the total. */
  period: string | null;
  hours: number;
  meteredHours: number;
  /** Site meters' Wh over the metered hours; null when no hour was metered. */
  meterWh: number | null;
  /** The miners' Wh over every hour, and over the metered hours alone (what the meter is compared with). */
  minersWh: number;
  minersMeteredWh: number;
  pduWh: number | null;
};

export type BilledAgainstMetered = {
  meterWh: number | null;
  meteredHours: number;
  /** Hours of the month with a site row: when every one is metered, the meter is the month's whole energy. */
  hours: number;
  monthHours: number;
  minersWh: number;
  /** The customers' miners: what bills are made of. */
  customersWh: number;
  issuedWh: number;
  issuedBills: number;
  issuedCents: number;
  draftWh: number;
  draftBills: number;
  /** Customers' energy no bill covers yet. */
  unbilledWh: number;
};

export type Reconciliation = { siteId: string; timeZone: string; month: string; day: string | null; rows: ReconcileRow[]; total: ReconcileRow; billing: BilledAgainstMetered };

type Sums = { period: string | null; hours: number; metered_hours: number; meter_wh: number | null; miners_wh: number; miners_metered_wh: number; pdu_wh: number | null; pdu_meter_wh: number; pdu_miners_wh: number };

const rowOf = (r: Sums): ReconcileRow => {
  const metered = r.metered_hours > 0 && r.meter_wh !== null;
  const figures = reconcile({ meterWh: r.meter_wh ?? 0, minersWh: r.miners_metered_wh, pdu: r.pdu_wh === null ? null : { pduWh: r.pdu_wh, meterWh: r.pdu_meter_wh, minersWh: r.pdu_miners_wh } });
  return {
    period: r.period,
    hours: r.hours,
    meteredHours: r.metered_hours,
    meterWh: metered ? r.meter_wh : null,
    minersWh: r.miners_wh,
    minersMeteredWh: r.miners_metered_wh,
    pduWh: r.pdu_wh,
    ...(metered ? figures : { overheadWh: 0, pue: null, coolingWh: null, lossesWh: null }),
  };
};

/**
 * A site's local month (or one local day of it, by hour), metered against measured (staff only):
 * per day or hour and in total, the site meters' energy against the miners' over the hours the meters
 * covered — overhead and PUE, split at the PDUs where they are metered too (lib/domain/power/reconcile.ts)
 * — and the month's billed energy against the metered and the customers'. One statement for the
 * rows (grouping sets give the total), one for the billing.
 */
export async function reconcileSite(db: Db, scope: Scope, o: { siteId: string; month: string; day?: string }): Promise<Reconciliation> {
  const [site] = await db.select({ id: sites.id, timeZone: sites.timeZone }).from(sites).where(and(eq(sites.id, o.siteId), scopeWhere({ orgId: sites.orgId, siteId: sites.id }, scope)));
  if (!site) throw new AppError('NOT_FOUND', 'No such site');
  const month = localMonthRange(o.month, site.timeZone);
  const range = o.day ? localDayRange(o.day, site.timeZone) : month;
  const period = o.day ? sql`to_char(hour at time zone 'UTC', 'YYYY-MM-DD"T"HH24:00:00"Z"')` : sql`((hour at time zone ${site.timeZone})::date)::text`;
  const metered = sql.raw('meter_wh is not null');
  const both = sql.raw('meter_wh is not null and pdu_wh is not null');
  const rows = await queryRows<Sums & { total: boolean }>(
    db,
    sql`select period, grouping(period) = 1 as total, count(*)::int as hours, (count(*) filter (where ${metered}))::int as metered_hours,
        sum(meter_wh)::float8 as meter_wh, coalesce(sum(miners_wh), 0)::float8 as miners_wh,
        coalesce(sum(miners_wh) filter (where ${metered}), 0)::float8 as miners_metered_wh,
        sum(pdu_wh) filter (where ${both})::float8 as pdu_wh, coalesce(sum(meter_wh) filter (where ${both}), 0)::float8 as pdu_meter_wh,
        coalesce(sum(miners_wh) filter (where ${both}), 0)::float8 as pdu_miners_wh
      from (select ${period} as period, meter_wh, miners_wh, pdu_wh from power_hourly
        where site_id = ${o.siteId} and hour >= ${range.from.toISOString()}::timestamptz and hour < ${range.to.toISOString()}::timestamptz) h
      group by grouping sets ((period), ()) order by total, period`,
  );
  const total = rows.find((r) => r.total) ?? { period: null, hours: 0, metered_hours: 0, meter_wh: null, miners_wh: 0, miners_metered_wh: 0, pdu_wh: null, pdu_meter_wh: 0, pdu_miners_wh: 0 };
  return {
    siteId: o.siteId,
    timeZone: site.timeZone,
    month: o.month,
    day: o.day ?? null,
    rows: rows.filter((r) => !r.total).map(rowOf),
    total: rowOf({ ...total, period: null }),
    billing: await billedAgainstMetered(db, o.siteId, o.month, month),
  };
}

async function billedAgainstMetered(db: Db, siteId: string, month: string, range: { from: Date; to: Date }): Promise<BilledAgainstMetered> {
  const [f, t] = [range.from.toISOString(), range.to.toISOString()];
  const [r] = await queryRows<{ meter_wh: number | null; metered_hours: number; hours: number; miners_wh: number; customers_wh: number; issued_wh: number; issued_bills: number; issued_cents: number; draft_wh: number; draft_bills: number }>(
    db,
    sql`with h as (select meter_wh, miners_wh from power_hourly where site_id = ${siteId} and hour >= ${f}::timestamptz and hour < ${t}::timestamptz),
      b as (select status, energy_wh, total_cents from power_bills where site_id = ${siteId} and month = ${`${month}-01`}::date)
      select (select sum(meter_wh)::float8 from h) as meter_wh, (select count(*)::int from h where meter_wh is not null) as metered_hours, (select count(*)::int from h) as hours,
        (select coalesce(sum(miners_wh), 0)::float8 from h) as miners_wh,
        coalesce((select sum(energy_wh)::float8 from power_customer_hourly where site_id = ${siteId} and hour >= ${f}::timestamptz and hour < ${t}::timestamptz), 0) as customers_wh,
        (select coalesce(sum(energy_wh), 0)::float8 from b where status = 'issued') as issued_wh, (select count(*)::int from b where status = 'issued') as issued_bills,
        (select coalesce(sum(total_cents), 0)::float8 from b where status = 'issued') as issued_cents,
        (select coalesce(sum(energy_wh), 0)::float8 from b where status = 'draft') as draft_wh, (select count(*)::int from b where status = 'draft') as draft_bills`,
  );
  return {
    meterWh: r!.meter_wh,
    meteredHours: r!.metered_hours,
    hours: r!.hours,
    monthHours: Math.round((range.to.getTime() - range.from.getTime()) / 3_600_000),
    minersWh: r!.miners_wh,
    customersWh: r!.customers_wh,
    issuedWh: r!.issued_wh,
    issuedBills: r!.issued_bills,
    issuedCents: r!.issued_cents,
    draftWh: r!.draft_wh,
    draftBills: r!.draft_bills,
    unbilledWh: r!.customers_wh - r!.issued_wh - r!.draft_wh,
  };
}
