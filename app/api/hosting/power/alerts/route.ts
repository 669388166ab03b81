import { NextResponse } from 'next/server';
import { getDb } from '@/db';
import { listPowerAlerts } from '@/db/queries/power/alerts';
import { withActor } from '@/lib/api/with-actor';
import { requireHostView } from '@/lib/power/present';
import { powerAlertsQuerySchema } from '@/lib/validation/power-reports';

export const dynamic = 'force-dynamic';

/**
 * GET /api/hosting/power/alerts[?siteId][&kind][&page][&pageSize] (seed: /hosting/api/power/alerts):
 * the power alerts the power-alerts job raised, newest first — peak_warning, abnormal_consumption,
 * contract_exceeded, rate_change, meter_gap, data_gap — each once per site and the period it is
 * about, with its figures in `detail`. Staff only.
 */
export const GET = withActor({ module: 'hosting:power', level: 'READ' }, async (req, { actor }) => {
  requireHostView(actor.scope);
  const q = powerAlertsQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  const page = await listPowerAlerts(await getDb(), actor.scope, { siteId: q.siteId, kind: q.kind }, q);
  return NextResponse.json({ total: page.total, page: page.page, pageSize: page.pageSize, alerts: page.rows });
});
