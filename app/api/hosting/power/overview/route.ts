import { NextResponse } from 'next/server';
import { getDb } from '@/db';
import { powerOverview } from '@/db/queries/power/read';
import { withActor } from '@/lib/api/with-actor';
import { forecastMonth } from '@/lib/domain/power/forecast';

export const dynamic = 'force-dynamic';

/**
 * GET /api/hosting/power/overview (seed: /hosting/api/power/overview): per site in scope, power now
 * (kW), today's and this month's kWh in the site's calendar, the month's peak, a straight-line
 * month-end forecast and — for staff only — today's cost (aggregated hours since local midnight,
 * through todayLastHour + 1 h), the month's energy cost and contracted kW.
 */
export const GET = withActor({ module: 'hosting:power', level: 'READ' }, async (_req, { actor }) => {
  const sites = await powerOverview(await getDb(), actor.scope, new Date());
  const rows = sites.map((s) => ({ ...s, forecast: forecastMonth(s) }));
  const sum = (f: (s: (typeof rows)[number]) => number | null) => (rows.some((s) => f(s) === null) ? null : rows.reduce((a, s) => a + (f(s) ?? 0), 0));
  return NextResponse.json({
    totals: { liveW: sum((s) => s.liveW), todayWh: sum((s) => s.todayWh), todayCostCents: sum((s) => s.todayCostCents), monthWh: sum((s) => s.monthWh), monthCostCents: sum((s) => s.monthCostCents), forecastCostCents: sum((s) => s.forecast.costCents) },
    sites: rows,
  });
});
