import { NextResponse } from 'next/server';
import { getDb } from '@/db';
import { powerOverview } from '@/db/queries/power/read';
import { tariffsInScope } from '@/db/queries/power/tariffs';
import { withActor } from '@/lib/api/with-actor';
import { powerAlerts } from '@/lib/domain/power/alerts';
import { requireHostView } from '@/lib/power/present';

export const dynamic = 'force-dynamic';

/**
 * GET /api/hosting/power/alerts (seed: /hosting/api/power/alerts): what needs a look now, per site —
 * contracted kW exceeded, drawing in the peak window, a rate change taking effect within 7 days, and
 * miners reporting with no energy aggregated for 2 hours (a gap in the data). Staff only.
 */
export const GET = withActor({ module: 'hosting:power', level: 'READ' }, async (_req, { actor }) => {
  requireHostView(actor.scope);
  const db = await getDb();
  const now = new Date();
  const [sites, tariffs] = await Promise.all([powerOverview(db, actor.scope, now), tariffsInScope(db, actor.scope)]);
  const versions = new Map(tariffs.map((t) => [t.id, t.versions]));
  return NextResponse.json({ alerts: sites.flatMap((s) => powerAlerts({ ...s, tariffs: versions.get(s.siteId) ?? [] }, now)) });
});
