import { NextResponse } from 'next/server';
import { getDb } from '@/db';
import { powerOverview } from '@/db/queries/power/read';
import { withActor } from '@/lib/api/with-actor';
import { requireHostView } from '@/lib/power/present';

export const dynamic = 'force-dynamic';

/**
 * GET /api/hosting/power/contracts (seed: /hosting/api/power/contracts): each site's contracted kW
 * against this month's measured peak (highest five-minute site total) and the power now, with the
 * utilisation in percent and whether the contract is exceeded. Staff only.
 */
export const GET = withActor({ module: 'hosting:power', level: 'READ' }, async (_req, { actor }) => {
  requireHostView(actor.scope);
  const sites = await powerOverview(await getDb(), actor.scope, new Date());
  return NextResponse.json({
    sites: sites.map((s) => {
      const contractedW = (s.contractedKw ?? 0) * 1000;
      return {
        siteId: s.siteId,
        name: s.name,
        contractedKw: s.contractedKw,
        monthPeakW: s.monthPeakW,
        liveW: s.liveW,
        peakUtilisationPct: contractedW ? Math.round((s.monthPeakW / contractedW) * 1000) / 10 : null,
        exceeded: contractedW > 0 && Math.max(s.monthPeakW, s.liveW) > contractedW,
      };
    }),
  });
});
