import { BODY_LIMITS } from '@/lib/api/body-limits';
import { AppError } from '@/lib/core/errors';
import { readJson } from '@/lib/api/read-body';
import { withActor } from '@/lib/api/with-actor';
import { planScan, scanRequestSchema } from '@/lib/edge/discovery-ui/scan-request';
import { scanStream } from '@/lib/edge/discovery-ui/scan-stream';
import { env } from '@/lib/env';

export const dynamic = 'force-dynamic';

/**
 * POST {targets, ports} → NDJSON: {type:'start'}, {type:'progress'}…, {type:'result', miners}.
 * Bad ranges or ports (syntax, over a /16, outside loopback unless allowed) → 400 with
 * `fields: {targets|ports: reason}` for the form's translated message and the detail in `message`.
 */
export const POST = withActor({ module: 'hosting:edge', level: 'FULL' }, async (req) => {
  const parsed = scanRequestSchema.safeParse(await readJson(req, BODY_LIMITS.json));
  if (!parsed.success) throw new AppError('VALIDATION', parsed.error.issues[0]?.message, { targets: 'invalid' });
  const plan = planScan(parsed.data, env().edgeDiscoveryAllowNetworks);
  return new Response(scanStream(plan, req.signal), { headers: { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store' } });
});
