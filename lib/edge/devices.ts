import type { Db } from '@/db/client';
import { type EdgeDevice, findDeviceByTokenHash, insertDevice } from '@/db/queries/edge/devices';
import type { Scope } from '@/lib/core/scope';
import { commandSigningKey, generateDeviceToken, hashDeviceToken } from './device-token';

/** Creates a collector bound to one site; the token is returned here once and never stored (only its hash and the command key derived from it). */
export async function issueDeviceToken(db: Db, scope: Scope, actorUserId: string | null, input: { siteId: string; name: string }) {
  const token = generateDeviceToken();
  const device = await insertDevice(db, scope, actorUserId, input, { tokenHash: hashDeviceToken(token), tokenPrefix: token.slice(0, 10), signingKey: commandSigningKey(token) });
  return { device, token };
}

/** The active device a bearer token belongs to, or null (unknown or revoked). */
export async function findDeviceByToken(db: Db, token: string): Promise<EdgeDevice | null> {
  if (!token.startsWith('hie_') || token.length > 200) return null;
  return findDeviceByTokenHash(db, hashDeviceToken(token));
}
