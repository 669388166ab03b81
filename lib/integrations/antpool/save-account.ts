import type { Db } from '@/db/client';
import { type AccountWho, checkPoolAccount, writePoolAccount } from '@/db/queries/pool/account-writes';
import type { PoolAccountForm } from '@/lib/validation/pool';
import { decryptSecret, encryptSecret } from './secrets';

/**
 * Adds or edits a pool account. The secret is write-only: blank keeps the stored one. Its ciphertext
 * is bound to the pool user ID, so renaming the user ID re-encrypts the kept secret under the new one
 * (otherwise the next call would fail to decrypt it). The query receives only the sealed secret.
 */
export async function savePoolAccount(db: Db, who: AccountWho, input: PoolAccountForm): Promise<string> {
  const stored = await checkPoolAccount(db, who, input);
  const aad = { orgId: who.orgId, userId: input.userId };
  let secretEnc = input.secret ? encryptSecret(input.secret, aad) : undefined;
  if (!secretEnc && stored?.secretEnc && stored.userId !== input.userId) {
    secretEnc = encryptSecret(decryptSecret(stored.secretEnc, { orgId: who.orgId, userId: stored.userId }), aad);
  }
  const values = { label: input.label, userId: input.userId, parentId: input.parentId ?? null, apiKey: input.apiKey ?? null, workerPattern: input.workerPattern, ...(secretEnc ? { secretEnc } : {}) };
  return writePoolAccount(db, who, input.id, stored, values, Boolean(input.secret));
}
