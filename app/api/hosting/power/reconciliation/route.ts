import { NextResponse } from 'next/server';
import { getDb } from '@/db';
import { reconcileSite } from '@/db/queries/power/reconcile';
import { withActor } from '@/lib/api/with-actor';
import { requireHostView } from '@/lib/power/present';
import { reconciliationQuerySchema } from '@/lib/validation/power';

/**
 * GET /api/hosting/power/reconciliation?siteId&month=YYYY-MM[&day=YYYY-MM-DD]: the site's metered
 * energy against the sum of its miners per local day of the month (per hour of `day`) and in total —
 * overhead (meter − miners), PUE, and the split at the PDUs when they are metered — and the month's
 * billed energy against the metered and the customers'.
 */
export const GET = withActor({ module: 'hosting:reconciliation', level: 'READ' }, async (req, { actor }) => {
  requireHostView(actor.scope);
  const q = reconciliationQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  return NextResponse.json(await reconcileSite(await getDb(), actor.scope, q));
});
