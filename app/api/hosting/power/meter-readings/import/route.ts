import { NextResponse } from 'next/server';
import { getDb } from '@/db';
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
 * period_end, kwh): a meter export, all rows or none (400 naming each bad line). → {stored}.
 */
export const POST = withActor({ module: 'hosting:power', level: 'FULL' }, async (req, { actor }) => {
  requireHostView(actor.scope);
  const { siteId } = siteQuerySchema.extend({ siteId: z.uuid() }).parse(Object.fromEntries(new URL(req.url).searchParams));
  const rows = parseMeterCsv((await readBody(req, BODY_LIMITS.minerBatch)).toString('utf8'));
  return NextResponse.json({ stored: await upsertMeterReadings(await getDb(), actor.scope, siteId, rows, 'csv') });
});
