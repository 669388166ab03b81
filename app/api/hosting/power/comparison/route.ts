import { NextResponse } from 'next/server';
import { getDb } from '@/db';
import { energySeries } from '@/db/queries/power/read';
import { withActor } from '@/lib/api/with-actor';
import { changePct } from '@/lib/domain/power/forecast';
import { monthQuerySchema } from '@/lib/validation/power';

export const dynamic = 'force-dynamic';

const shift = (month: string, by: number) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + by, 1));
  return d.toISOString().slice(0, 7);
};

/**
 * GET /api/hosting/power/comparison[?month=YYYY-MM][&siteId] (seed: /hosting/api/power/comparison):
 * a local month's energy (and, for staff, cost) against the month before (MoM) and the same month a
 * year before (YoY), in percent; null where there is nothing to compare with.
 */
export const GET = withActor({ module: 'hosting:power', level: 'READ' }, async (req, { actor }) => {
  const q = monthQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  const month = q.month ?? new Date().toISOString().slice(0, 7);
  const points = await energySeries(await getDb(), actor.scope, { grain: 'month', from: `${shift(month, -12)}-01`, to: `${shift(month, 1)}-01`, siteId: q.siteId });
  const at = (m: string) => points.find((p) => p.period.startsWith(m)) ?? null;
  const [cur, prev, lastYear] = [at(month), at(shift(month, -1)), at(shift(month, -12))];
  const figure = (p: typeof cur) => p && { energyWh: p.energyWh, costCents: p.costCents };
  return NextResponse.json({
    month,
    current: figure(cur),
    previousMonth: figure(prev),
    sameMonthLastYear: figure(lastYear),
    energyMomPct: changePct(cur?.energyWh ?? 0, prev?.energyWh),
    energyYoyPct: changePct(cur?.energyWh ?? 0, lastYear?.energyWh),
    costMomPct: cur?.costCents == null ? null : changePct(cur.costCents, prev?.costCents),
    costYoyPct: cur?.costCents == null ? null : changePct(cur.costCents, lastYear?.costCents),
  });
});
