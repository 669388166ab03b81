import { NextResponse } from 'next/server';
import { getDb } from '@/db';
import { REQUEST_REFRESH_HOURS, refreshMeteredHours } from '@/db/queries/power/meter-refresh';
import { upsertMeterReadings } from '@/db/queries/power/meters';
import { BODY_LIMITS } from '@/lib/api/body-limits';
import { readBody } from '@/lib/api/read-body';
import { withActor } from '@/lib/api/with-actor';
import { parseMeterCsv } from '@/lib/power/meter-csv';
import { requireHostView } from '@/lib/power/present';
import { siteQuerySchema } from '@/lib/validation/power';
import { z } from '@/lib/validation/zod';

/**
 * POST /api/hosting/power/meter-readings/import?siteId=… with a CSV body (meter_id, period_start,
 * period_end, kwh, optional kind): a meter export, all rows or none (400 naming each bad line). The
 * hours they touch re-aggregate: the first REQUEST_REFRESH_HOURS now, the rest in the hourly job.
 * → {stored, reaggregatedHours, pending}.
 */
export const POST = withActor({ module: 'hosting:power', level: 'FULL' }, async (req, { actor }) => {
  requireHostView(actor.scope);
  const { siteId } = siteQuerySchema.extend({ siteId: z.uuid() }).parse(Object.fromEntries(new URL(req.url).searchParams));
  const rows = parseMeterCsv((await readBody(req, BODY_LIMITS.minerBatch)).toString('utf8'));
  const db = await getDb();
  const stored = await upsertMeterReadings(db, actor.scope, siteId, rows, 'csv');
  const refreshed = await refreshMeteredHours(db, siteId, REQUEST_REFRESH_HOURS);
  return NextResponse.json({ stored, reaggregatedHours: refreshed.hours, pending: refreshed.more });
});
