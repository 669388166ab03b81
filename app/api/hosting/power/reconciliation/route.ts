import { NextResponse } from 'next/server';
import { getDb } from '@/db';
import { reconcileMonth } from '@/db/queries/power/meters';
import { withActor } from '@/lib/api/with-actor';
import { requireHostView } from '@/lib/power/present';
import { reconciliationQuerySchema } from '@/lib/validation/power';

/**
 * GET /api/hosting/power/reconciliation?siteId&month=YYYY-MM: the site's metered energy against the
 * sum of its miners, the customers' share and what was billed; losses (meter − miners) and PUE.
 */
export const GET = withActor({ module: 'hosting:reconciliation', level: 'READ' }, async (req, { actor }) => {
  requireHostView(actor.scope);
  const q = reconciliationQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  return NextResponse.json(await reconcileMonth(await getDb(), actor.scope, q.siteId, q.month));
});
