import { NextResponse } from 'next/server';
import { getDb } from '@/db';
import { powerOverview } from '@/db/queries/power/read';
import { monthlyFigures } from '@/db/queries/power/reports';
import { withActor } from '@/lib/api/with-actor';
import { utilisation } from '@/lib/domain/power/compare';
import { requireHostView } from '@/lib/power/present';
import { contracts, monthsEnding } from '@/lib/power/reports';
import { powerReportQuerySchema } from '@/lib/validation/power-reports';

export const dynamic = 'force-dynamic';

/**
 * GET /api/hosting/power/contracts[?month=YYYY-MM][&siteId][&months=1..36] (seed:
 * /hosting/api/power/contracts): each site's contracted kW against the measured peak (highest
 * five-minute site total) and average power — now (this month from the hourly rows, and the power
 * drawn now) and for each of the `months` (default 12) local months to `month` (default: this one)
 * — with utilisation (peak ÷ contract), load factor (average ÷ contract), headroom and whether
 * the contract was exceeded. Staff only: the utility contract is the host's.
 */
export const GET = withActor({ module: 'hosting:power', level: 'READ' }, async (req, { actor }) => {
  requireHostView(actor.scope);
  const q = powerReportQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  const month = q.month ?? new Date().toISOString().slice(0, 7);
  const months = monthsEnding(month, q.months);
  const db = await getDb();
  const [now, rows] = await Promise.all([powerOverview(db, actor.scope, new Date()), monthlyFigures(db, actor.scope, { by: 'site', fromMonth: months[0]!, toMonth: month, siteId: q.siteId })]);
  const history = new Map(contracts(rows).map((c) => [c.siteId, c.months]));
  return NextResponse.json({
    month,
    sites: now
      .filter((s) => !q.siteId || s.siteId === q.siteId)
      .map((s) => {
        const u = utilisation({ contractedKw: s.contractedKw ?? 0, peakW: s.monthPeakW, avgW: 0 });
        return {
          siteId: s.siteId,
          name: s.name,
          contractedKw: s.contractedKw,
          monthPeakW: s.monthPeakW,
          liveW: s.liveW,
          peakUtilisationPct: u.peakPct,
          headroomW: u.headroomW,
          exceeded: u.exceeded || (s.contractedKw ?? 0) * 1000 < s.liveW,
          months: history.get(s.siteId) ?? [],
        };
      }),
  });
});
