import { AppError } from '@/lib/api/errors';
import { withActor } from '@/lib/api/with-actor';
import { planScan, scanRequestSchema } from '@/lib/edge/discovery-ui/scan-request';
import { scanStream } from '@/lib/edge/discovery-ui/scan-stream';
import { TargetError } from '@/lib/edge/targets';
import { env } from '@/lib/env';

export const dynamic = 'force-dynamic';

/**
 * POST {targets, ports} → NDJSON: {type:'start'}, {type:'progress'}…, {type:'result', miners}.
 * Bad ranges (syntax, over a /16, outside loopback unless allowed) → 400 with the reason.
 */
export const POST = withActor({ module: 'hosting:edge', level: 'FULL' }, async (req) => {
  const body = await req.json().catch(() => null);
  const parsed = scanRequestSchema.safeParse(body);
  if (!parsed.success) throw new AppError('VALIDATION', parsed.error.issues[0]?.message, { targets: 'invalid' });
  let plan;
  try {
    plan = planScan(parsed.data, env().edgeDiscoveryAllowNetworks);
  } catch (e) {
    if (e instanceof TargetError) throw new AppError('VALIDATION', e.message, { targets: 'invalid' });
    throw e;
  }
  return new Response(scanStream(plan, req.signal), { headers: { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store' } });
});
