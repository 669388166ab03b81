import { z } from '@/lib/validation/zod';
import type { Db } from '@/db/client';
import { sealedCredentialsForDevice, setDevicePublicKey } from '@/db/queries/edge/credentials';
import { BODY_LIMITS } from '@/lib/api/body-limits';
import { INT32_MAX } from '@/lib/validation/edge-bounds';
import { AppError } from '@/lib/core/errors';
import { readJsonBody } from '../ingest/read-body';
import { authenticateDevice, edgeErrorResponse } from './device-auth';

const keySchema = z.object({ keyVersion: z.number().int().min(1).max(INT32_MAX), publicKey: z.string().regex(/^[A-Za-z0-9+/]{43}=$/) });

/**
 * POST /api/edge/v1/keys {keyVersion, publicKey}: the collector publishes its X25519 public key. The
 * answer names the tenant and site the token is bound to: the collector pins them and checks every
 * credential's AAD against them.
 */
export async function handlePublishKey(db: Db, request: Request): Promise<Response> {
  try {
    const device = await authenticateDevice(db, request);
    const parsed = keySchema.safeParse(await readJsonBody(request, BODY_LIMITS.json));
    if (!parsed.success) throw new AppError('VALIDATION', 'body must be {keyVersion, publicKey (base64, 32 bytes)}');
    await setDevicePublicKey(db, device.id, parsed.data);
    return Response.json({ status: 'ok', tenantId: device.orgId, siteId: device.siteId });
  } catch (e) {
    return edgeErrorResponse(e, 'edge-keys');
  }
}

/** GET /api/edge/v1/credentials: the sealed miner credentials of the collector's site. */
export async function handleFetchCredentials(db: Db, request: Request): Promise<Response> {
  try {
    const device = await authenticateDevice(db, request);
    return Response.json({ credentials: await sealedCredentialsForDevice(db, device) });
  } catch (e) {
    return edgeErrorResponse(e, 'edge-credentials');
  }
}
