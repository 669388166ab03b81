import { NextResponse } from 'next/server';
import { getDb } from '@/db';
import { monthlyFigures } from '@/db/queries/power/reports';
import { withActor } from '@/lib/api/with-actor';
import { shiftMonth } from '@/lib/domain/power/compare';
import { comparison, monthlyTrend, monthsEnding } from '@/lib/power/reports';
import { powerReportQuerySchema } from '@/lib/validation/power-reports';

export const dynamic = 'force-dynamic';

/**
 * GET /api/hosting/power/comparison[?month=YYYY-MM][&siteId][&customerId][&months=1..36] (seed:
 * /hosting/api/power/comparison): a local month (default: the last complete one) against the month
 * before (MoM) and the same month a year before (YoY) — kWh, cost and peak kW with their changes in
 * percent (null where there is nothing to compare with) — in total, per site and per customer, and
 * the monthly totals of the `months` (default 12) months to it. From the monthly aggregates (the
 * month so far from the daily ones). A client sees its own customer, never a cost.
 */
export const GET = withActor({ module: 'hosting:power', level: 'READ' }, async (req, { actor }) => {
  const q = powerReportQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  const month = q.month ?? shiftMonth(new Date().toISOString().slice(0, 7), -1);
  const months = monthsEnding(month, q.months);
  const fromMonth = [months[0]!, shiftMonth(month, -12)].sort()[0]!;
  const filter = { fromMonth, toMonth: month, siteId: q.siteId, customerId: q.customerId };
  const db = await getDb();
  const [sites, customers] = await Promise.all([monthlyFigures(db, actor.scope, { ...filter, by: 'site' }), monthlyFigures(db, actor.scope, { ...filter, by: 'customer' })]);
  const bySite = comparison(sites, month);
  return NextResponse.json({
    month,
    total: bySite.total,
    sites: bySite.rows.map(({ id, ...r }) => ({ siteId: id, ...r })),
    customers: comparison(customers, month).rows.map(({ id, ...r }) => ({ customerId: id, ...r })),
    trend: monthlyTrend(sites, months),
  });
});
