import { BODY_LIMITS } from '@/lib/api/body-limits';
import { AppError } from '@/lib/core/errors';
import { readJson } from '@/lib/api/read-body';
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
  const parsed = scanRequestSchema.safeParse(await readJson(req, BODY_LIMITS.json));
  if (!parsed.success) throw new AppError('VALIDATION', parsed.error.issues[0]?.message, { targets: 'invalid' });
  let plan;
  try {
    plan = planScan(parsed.data, env().edgeDiscoveryAllowNetworks);
  } catch (e) {
    // The reason is a discovery code (its own messages, Edge.refusal.*), not a Validation.* key, so the
    // 400 is written here in the shape of lib/api/error-response rather than through AppError's field errors.
    if (e instanceof ScanRefused) return Response.json({ error: { code: 'VALIDATION', message: e.message, fields: { [e.field]: e.reason } } }, { status: 400 });
    throw e;
  }
  return new Response(scanStream(plan, req.signal), { headers: { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store' } });
});
