import { NextResponse } from 'next/server';
import { getDb } from '@/db';
import { energySeries } from '@/db/queries/power/read';
import { withActor } from '@/lib/api/with-actor';
import { CO2_KG_PER_KWH } from '@/lib/domain/power/carbon';
import { monthQuerySchema } from '@/lib/validation/power';

export const dynamic = 'force-dynamic';

/**
 * GET /api/hosting/power/carbon[?month=YYYY-MM][&siteId] (seed: /hosting/api/power/carbon): kg CO₂
 * per local month for the twelve months to `month` (default: this one), from each hour's energy ×
 * its site's source factor (REFERENCE §6), with the resulting intensity; the factors table beside.
 */
export const GET = withActor({ module: 'hosting:power', level: 'READ' }, async (req, { actor }) => {
  const q = monthQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  const month = q.month ?? new Date().toISOString().slice(0, 7);
  const [y, m] = month.split('-').map(Number) as [number, number];
  const from = `${y - 1}-${String(m).padStart(2, '0')}-01`;
  const to = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  const points = await energySeries(await getDb(), actor.scope, { grain: 'month', from, to, siteId: q.siteId });
  return NextResponse.json({
    factorsKgPerKwh: CO2_KG_PER_KWH,
    months: points.map((p) => ({ month: p.period.slice(0, 7), energyWh: p.energyWh, co2Kg: p.co2G / 1000, kgPerKwh: p.energyWh ? Math.round((p.co2G / p.energyWh) * 10_000) / 10_000 : null })),
  });
});
