import { CREDENTIAL_SCHEMA_VERSION, CredentialError, openMinerCredential, type SealedMinerCredential, sealMinerCredential } from './envelope';
import { fromBase64 } from './encoding';
import type { CollectorKeyPair } from './keys';

/** The AAD's miner slot names what a command secret is for, so it can never pass for a miner's stored login. */
export const COMMAND_SECRET_PREFIX = 'command:';

/**
 * A secret a command carries (a pool password), sealed to every active collector key of the
 * command's site — whichever collector of the site leases it opens it. Bound by the AAD to the
 * tenant, the site and the batch; the command's signature and lease nonce stop a replay, so the
 * counter is fixed at 1. The cloud stores only this.
 */
export function sealCommandSecret(secret: string, keys: { publicKey: string; keyVersion: number }[], aad: { tenantId: string; siteId: string; batchId: string }): SealedMinerCredential[] {
  return keys.map((k) =>
    sealMinerCredential({
      secret,
      collectorPublicKey: fromBase64(k.publicKey),
      keyVersion: k.keyVersion,
      aad: { tenantId: aad.tenantId, siteId: aad.siteId, minerId: `${COMMAND_SECRET_PREFIX}${aad.batchId}`, counter: 1, schemaVersion: CREDENTIAL_SCHEMA_VERSION },
    }),
  );
}

/** Collector side: the first of the sealed copies that opens with a key of this ring, bound to this collector's tenant and site. */
export function openCommandSecret(sealed: unknown, ring: readonly CollectorKeyPair[], binding: { tenantId: string; siteId: string }): string {
  const copies = Array.isArray(sealed) ? (sealed as SealedMinerCredential[]) : [];
  for (const copy of copies) {
    const key = ring.find((k) => k.keyVersion === copy?.keyVersion);
    const purpose = copy?.aad?.minerId;
    if (!key || typeof purpose !== 'string' || !purpose.startsWith(COMMAND_SECRET_PREFIX)) continue;
    try {
      const { secret } = openMinerCredential(copy, key, { ...binding, minerId: purpose, schemaVersion: CREDENTIAL_SCHEMA_VERSION }, 0);
      try {
        return new TextDecoder().decode(secret);
      } finally {
        secret.fill(0);
      }
    } catch (e) {
      if (!(e instanceof CredentialError)) throw e;
    }
  }
  throw new CredentialError('DECRYPT_FAILED', 'the command secret does not open with this collector’s keys');
}
