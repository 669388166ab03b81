import { NextResponse } from 'next/server';
import { getDb } from '@/db';
import { curtailmentSavingsByMonth } from '@/db/queries/power/read';
import { withActor } from '@/lib/api/with-actor';
import { requireHostView } from '@/lib/power/present';
import { monthQuerySchema } from '@/lib/validation/power';

export const dynamic = 'force-dynamic';

/**
 * GET /api/hosting/power/curtailment-savings[?month=YYYY-MM][&siteId] (seed:
 * /hosting/api/power/curtailment-savings): per month from `month` (default: twelve months back) the
 * curtailment events' energy avoided, cost avoided at each hour's tariff, revenue forgone at each
 * hour's hashprice and the net saving, plus the totals. Staff only.
 */
export const GET = withActor({ module: 'curtailment:history', level: 'READ' }, async (req, { actor }) => {
  requireHostView(actor.scope);
  const q = monthQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  const now = new Date();
  const fromMonth = q.month ?? `${now.getUTCFullYear() - 1}-${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
  const months = await curtailmentSavingsByMonth(await getDb(), actor.scope, { fromMonth, siteId: q.siteId });
  const total = (k: 'events' | 'energyAvoidedWh' | 'costAvoidedCents' | 'revenueForgoneCents' | 'netSavingCents' | 'unpriced') => months.reduce((s, m) => s + m[k], 0);
  return NextResponse.json({
    months,
    totals: { events: total('events'), energyAvoidedWh: total('energyAvoidedWh'), costAvoidedCents: total('costAvoidedCents'), revenueForgoneCents: total('revenueForgoneCents'), netSavingCents: total('netSavingCents'), unpriced: total('unpriced') },
  });
});
