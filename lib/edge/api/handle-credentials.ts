import { z } from '@/lib/validation/zod';
import type { Db } from '@/db/client';
import { sealedCredentialsForDevice, setDevicePublicKey } from '@/db/queries/edge/credentials';
import { NO_PARAMS } from '@/lib/api/bearer-token';
import { BODY_LIMITS } from '@/lib/api/body-limits';
import { type DeviceHandler, withDeviceToken } from '@/lib/api/with-device-token';
import { AppError } from '@/lib/core/errors';
import { INT32_MAX } from '@/lib/validation/edge-bounds';
import { readJsonBody } from '../ingest/read-body';

const keySchema = z.object({ keyVersion: z.number().int().min(1).max(INT32_MAX), publicKey: z.string().regex(/^[A-Za-z0-9+/]{43}=$/) });

/**
 * POST /api/edge/v1/keys {keyVersion, publicKey}: the collector publishes its X25519 public key. The
 * answer names the tenant and site the token is bound to: the collector pins them and checks every
 * credential's AAD against them.
 */
export const publishKey: DeviceHandler = async (request, { db, device }) => {
  const parsed = keySchema.safeParse(await readJsonBody(request, BODY_LIMITS.json));
  if (!parsed.success) throw new AppError('VALIDATION', 'body must be {keyVersion, publicKey (base64, 32 bytes)}');
  await setDevicePublicKey(db, device.id, parsed.data);
  return Response.json({ status: 'ok', tenantId: device.orgId, siteId: device.siteId });
};

/** GET /api/edge/v1/credentials: the sealed miner credentials of the collector's site. */
export const fetchCredentials: DeviceHandler = async (_request, { db, device }) => Response.json({ credentials: await sealedCredentialsForDevice(db, device) });

/** Both as their routes run them, against a given database (tests, the collector tests' cloud). */
export const handlePublishKey = (db: Db, request: Request) => withDeviceToken('edge-keys', publishKey, async () => ({ db, now: new Date() }))(request, NO_PARAMS);
export const handleFetchCredentials = (db: Db, request: Request) => withDeviceToken('edge-credentials', fetchCredentials, async () => ({ db, now: new Date() }))(request, NO_PARAMS);
