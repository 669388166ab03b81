import { sql } from 'drizzle-orm';
import type { Scope } from '@/lib/core/scope';
import { type Db, queryRows } from '../../client';
import { scopeWhere } from '../scope';

export type CurtailmentReportRow = {
  startedAt: string;
  site: string;
  trigger: string;
  status: string;
  targetW: number;
  achievedW: number | null;
  energyAvoidedWh: number | null;
  costAvoidedCents: number | null;
  revenueForgoneCents: number | null;
  netSavingCents: number | null;
};

/** The curtailment events started in a UTC month, in scope, oldest first: what curtailmentSavingsByMonth sums, one row each. */
export async function curtailmentEventsInMonth(db: Db, scope: Scope, month: string): Promise<CurtailmentReportRow[]> {
  const rows = await queryRows<{ at: string; site: string; trigger: string; status: string; target: number; achieved: number | null; e: number | null; c: number | null; r: number | null; n: number | null }>(
    db,
    sql`select to_char(e.created_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI') as at, s.name as site, e.trigger, e.status::text as status, e.target_kw::float8 * 1000 as target,
        e.achieved_shed_w::float8 as achieved, e.energy_avoided_wh::float8 as e, e.cost_avoided_cents::float8 as c, e.revenue_forgone_cents::float8 as r, e.net_saving_cents::float8 as n
      from curtailment_events e join sites s on s.id = e.site_id
      where ${scopeWhere({ orgId: sql`e.org_id`, siteId: sql`e.site_id` }, scope)}
        and e.created_at >= ${`${month}-01`}::timestamptz and e.created_at < (${`${month}-01`}::date + interval '1 month')::timestamptz
      order by e.created_at, s.name`,
  );
  return rows.map((r) => ({ startedAt: r.at, site: r.site, trigger: r.trigger, status: r.status, targetW: r.target, achievedW: r.achieved, energyAvoidedWh: r.e, costAvoidedCents: r.c, revenueForgoneCents: r.r, netSavingCents: r.n }));
}
