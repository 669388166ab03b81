import { NextResponse } from 'next/server';
import { REQUEST_REFRESH_HOURS, refreshMeteredHours } from '@/db/queries/power/meter-refresh';
import { upsertMeterReadings } from '@/db/queries/power/meters';
import { BODY_LIMITS } from '@/lib/api/body-limits';
import { readJson } from '@/lib/api/read-body';
import { withApiToken } from '@/lib/api/with-api-token';
import { meterPushSchema } from '@/lib/validation/power';

/**
 * POST /api/hosting/power/meter-readings with `Authorization: Bearer hi_…` (a personal API token of a
 * user with hosting:power FULL on the site): {siteId, readings: [{meterId, kind?: site|pdu,
 * periodStart, periodEnd, kwh}]} up to 5,000 intervals, all stored or none (400 naming each bad
 * reading by its index); a re-sent interval (meter, periodEnd) replaces the earlier one. The hours
 * they touch are re-aggregated at once, up to REQUEST_REFRESH_HOURS (the hourly job takes the rest).
 * → {stored, reaggregatedHours, pending}.
 */
export const POST = withApiToken({ module: 'hosting:power', level: 'FULL' }, async (req, { db, actor }) => {
  const body = meterPushSchema.parse(await readJson(req, BODY_LIMITS.json * 16));
  const rows = body.readings.map((r) => ({ meterId: r.meterId, kind: r.kind, periodStart: new Date(r.periodStart), periodEnd: new Date(r.periodEnd), energyWh: Math.round(r.kwh * 1000) }));
  const stored = await upsertMeterReadings(db, actor.scope, body.siteId, rows, 'api');
  const refreshed = await refreshMeteredHours(db, body.siteId, REQUEST_REFRESH_HOURS);
  return NextResponse.json({ stored, reaggregatedHours: refreshed.hours, pending: refreshed.more });
});
