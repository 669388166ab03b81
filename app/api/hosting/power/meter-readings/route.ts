import { NextResponse } from 'next/server';
import { upsertMeterReadings } from '@/db/queries/power/meters';
import { BODY_LIMITS } from '@/lib/api/body-limits';
import { readJson } from '@/lib/api/read-body';
import { withApiToken } from '@/lib/api/with-api-token';
import { meterPushSchema } from '@/lib/validation/power';

/**
 * POST /api/hosting/power/meter-readings with `Authorization: Bearer hi_…` (a personal API token of a
 * user with hosting:power FULL on the site): {siteId, readings: [{meterId, periodStart, periodEnd,
 * kwh}]} up to 5,000 intervals; a re-sent interval replaces the earlier one. → {stored}.
 */
export const POST = withApiToken({ module: 'hosting:power', level: 'FULL' }, async (req, { db, actor }) => {
  const body = meterPushSchema.parse(await readJson(req, BODY_LIMITS.json * 16));
  const rows = body.readings.map((r) => ({ meterId: r.meterId, periodStart: new Date(r.periodStart), periodEnd: new Date(r.periodEnd), energyWh: Math.round(r.kwh * 1000) }));
  return NextResponse.json({ stored: await upsertMeterReadings(db, actor.scope, body.siteId, rows, 'api') });
});
