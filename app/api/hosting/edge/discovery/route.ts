import { AppError } from '@/lib/api/errors';
import { withActor } from '@/lib/api/with-actor';
import { planScan, ScanRefused, scanRequestSchema } from '@/lib/edge/discovery-ui/scan-request';
import { scanStream } from '@/lib/edge/discovery-ui/scan-stream';
import { env } from '@/lib/env';

export const dynamic = 'force-dynamic';

/**
 * POST {targets, ports} → NDJSON: {type:'start'}, {type:'progress'}…, {type:'result', miners}.
 * Bad ranges or ports (syntax, over a /16, outside loopback unless allowed) → 400 with
 * `fields: {targets|ports: reason}` for the form's translated message and the detail in `message`.
 */
export const POST = withActor({ module: 'hosting:edge', level: 'FULL' }, async (req) => {
  const body = await req.json().catch(() => null);
  const parsed = scanRequestSchema.safeParse(body);
  if (!parsed.success) throw new AppError('VALIDATION', parsed.error.issues[0]?.message, { targets: 'invalid' });
  let plan;
  try {
    plan = planScan(parsed.data, env().edgeDiscoveryAllowNetworks);
  } catch (e) {
    if (e instanceof ScanRefused) throw new AppError('VALIDATION', e.message, { [e.field]: e.reason });
    throw e;
  }
  return new Response(scanStream(plan, req.signal), { headers: { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store' } });
});
