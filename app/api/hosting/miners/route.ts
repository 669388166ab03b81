import { NextResponse } from 'next/server';
import { getDb } from '@/db';
import { listMiners } from '@/db/queries/hosting/miners';
import { withActor } from '@/lib/api/with-actor';
import { minerListQuerySchema } from '@/lib/validation/hosting';

/**
 * The miner list as JSON, same parameters as /hosting/devices (`status` as people set it, `state` as
 * measured). Every row carries `measured` (state, hashrate, power, chip, last seen, each with its
 * source: telemetry, pool, nameplate or none); `include_metrics=true` repeats it as `metrics`, the
 * name older clients read.
 */
export const GET = withActor({ module: 'hosting:status_monitor', level: 'READ' }, async (req, { actor }) => {
  const query = minerListQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  const { include_metrics: withMetrics, page, pageSize, sort, dir, ...filter } = query;
  const result = await listMiners(await getDb(), actor.scope, filter, { page, pageSize, sort, dir });
  if (!withMetrics) return NextResponse.json(result);
  return NextResponse.json({ ...result, rows: result.rows.map((m) => ({ ...m, metrics: m.measured })), telemetry: { available: result.rows.some((m) => m.measured.stateSource === 'telemetry') } });
});
