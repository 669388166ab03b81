import { NextResponse } from 'next/server';
import { getDb } from '@/db';
import { energySeries, type Grain } from '@/db/queries/power/read';
import { withActor } from '@/lib/api/with-actor';
import { consumptionQuerySchema } from '@/lib/validation/power';

export const dynamic = 'force-dynamic';

const DAY = 86_400_000;
const RANGES: Record<'24h' | '7d' | '30d' | '12m', { grain: Grain; back: (now: Date) => string; to: (now: Date) => string }> = {
  '24h': { grain: 'hour', back: (n) => new Date(n.getTime() - DAY).toISOString(), to: (n) => n.toISOString() },
  '7d': { grain: 'hour', back: (n) => new Date(n.getTime() - 7 * DAY).toISOString(), to: (n) => n.toISOString() },
  '30d': { grain: 'day', back: (n) => new Date(n.getTime() - 30 * DAY).toISOString().slice(0, 10), to: (n) => new Date(n.getTime() + DAY).toISOString().slice(0, 10) },
  '12m': { grain: 'month', back: (n) => `${n.getUTCFullYear() - 1}-${String(n.getUTCMonth() + 1).padStart(2, '0')}-01`, to: (n) => new Date(n.getTime() + DAY).toISOString().slice(0, 10) },
};

/**
 * GET /api/hosting/power/consumption?range=24h|7d|30d|12m[&siteId][&customerId] (seed:
 * /hosting/api/power/consumption): energy per hour (24 h, 7 d), local day (30 d) or local month
 * (12 m) over the sites in scope, by tariff window, with CO₂, the sources of the figures and — for
 * staff reading site totals — the energy cost. A client reads its own consumption only.
 */
export const GET = withActor({ module: 'hosting:power', level: 'READ' }, async (req, { actor }) => {
  const q = consumptionQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  const now = new Date();
  const r = RANGES[q.range];
  const points = await energySeries(await getDb(), actor.scope, { grain: r.grain, from: r.back(now), to: r.to(now), siteId: q.siteId, customerId: q.customerId });
  return NextResponse.json({ range: q.range, grain: r.grain, points });
});
