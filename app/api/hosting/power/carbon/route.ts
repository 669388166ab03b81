import { NextResponse } from 'next/server';
import { getDb } from '@/db';
import { siteEnergyMixes } from '@/db/queries/power/energy-mix';
import { carbonByMonth } from '@/db/queries/power/reports';
import { withActor } from '@/lib/api/with-actor';
import { CO2_KG_PER_KWH } from '@/lib/domain/power/carbon';
import { carbonReport, monthsEnding } from '@/lib/power/reports';
import { powerReportQuerySchema } from '@/lib/validation/power-reports';

export const dynamic = 'force-dynamic';

/**
 * GET /api/hosting/power/carbon[?month=YYYY-MM][&siteId][&customerId][&months=1..36] (seed:
 * /hosting/api/power/carbon): kg CO₂ for the `months` (default 12) local months to `month` (default:
 * this one) — in total, per site and per customer — each split by energy source: the energy × the
 * site's stored mix (shares of sources, 100 % in all; a site without one is all its single source)
 * × the source's factor (REFERENCE §6). With the intensity (kg/kWh), the factors and each site's
 * mix. A client sees its own customer's energy and carbon.
 */
export const GET = withActor({ module: 'hosting:power', level: 'READ' }, async (req, { actor }) => {
  const q = powerReportQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  const month = q.month ?? new Date().toISOString().slice(0, 7);
  const months = monthsEnding(month, q.months);
  const filter = { fromMonth: months[0]!, toMonth: month, siteId: q.siteId, customerId: q.customerId };
  const db = await getDb();
  const [sites, customers, mixes] = await Promise.all([
    carbonByMonth(db, actor.scope, { ...filter, by: 'site' }),
    carbonByMonth(db, actor.scope, { ...filter, by: 'customer' }),
    siteEnergyMixes(db, actor.scope, new Date()),
  ]);
  const bySite = carbonReport(sites);
  const seen = new Set(sites.map((r) => r.key));
  return NextResponse.json({
    factorsKgPerKwh: CO2_KG_PER_KWH,
    months: bySite.months,
    sites: bySite.rows.map(({ id, ...r }) => ({ siteId: id, ...r })),
    customers: carbonReport(customers).rows.map(({ id, ...r }) => ({ customerId: id, ...r })),
    mixes: mixes.filter((m) => seen.has(m.siteId)).map((m) => ({ siteId: m.siteId, name: m.name, stored: m.stored, since: m.since, shares: m.mix.map((x) => ({ source: x.source, pct: x.shareBp / 100 })), next: m.next && { effectiveFrom: m.next.effectiveFrom, shares: m.next.mix.map((x) => ({ source: x.source, pct: x.shareBp / 100 })) } })),
  });
});
