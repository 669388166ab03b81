import { NextResponse } from 'next/server';
import { getDb } from '@/db';
import { listMiners } from '@/db/queries/hosting/miners';
import { withActor } from '@/lib/api/with-actor';
import { minerListQuerySchema } from '@/lib/validation/hosting';

/**
 * The miner list as JSON, same parameters as /hosting/devices. Fast mode by default; with
 * `include_metrics=true` each row carries `metrics`, which stays null (and `telemetry.available`
 * false) until edge telemetry is stored — no figure is made up in the meantime.
 */
export const GET = withActor({ module: 'hosting:status_monitor', level: 'READ' }, async (req, { actor }) => {
  const query = minerListQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  const { include_metrics: withMetrics, page, pageSize, sort, dir, ...filter } = query;
  const result = await listMiners(await getDb(), actor.scope, filter, { page, pageSize, sort, dir });
  if (!withMetrics) return NextResponse.json(result);
  return NextResponse.json({ ...result, rows: result.rows.map((m) => ({ ...m, metrics: null })), telemetry: { available: false } });
});
