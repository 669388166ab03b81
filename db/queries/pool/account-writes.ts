import { AppError } from '@/lib/core/errors';
import { decryptSecret, encryptSecret } from '@/lib/integrations/antpool/secrets';
import type { PoolAccountForm } from '@/lib/validation/pool';
import type { Db } from '../../client';
import { recordAudit } from '../admin/audit';
import { getPoolAccount, insertPoolAccount, loadAccountRow, updatePoolAccount } from './accounts';
import { isValidPattern } from './links';

export type AccountWho = { orgId: string; userId: string | null };

/**
 * Adds or edits a pool account. The secret is write-only: blank keeps the stored one. Its ciphertext
 * is bound to the pool user ID, so renaming the user ID re-encrypts the kept secret under the new one
 * (otherwise the next call would fail to decrypt it). The audit records that a secret changed, never it.
 */
export async function savePoolAccount(db: Db, who: AccountWho, input: PoolAccountForm): Promise<string> {
  if (!(await isValidPattern(db, input.workerPattern))) throw new AppError('VALIDATION', undefined, { workerPattern: 'invalid' });
  if (input.parentId && (input.parentId === input.id || !(await getPoolAccount(db, who.orgId, input.parentId)))) throw new AppError('VALIDATION', undefined, { parentId: 'invalid' });
  const aad = { orgId: who.orgId, userId: input.userId };
  let secretEnc = input.secret ? encryptSecret(input.secret, aad) : undefined;
  const stored = input.id ? await loadAccountRow(db, input.id) : null;
  if (input.id && (!stored || stored.orgId !== who.orgId)) throw new AppError('NOT_FOUND');
  if (!secretEnc && stored?.secretEnc && stored.userId !== input.userId) {
    secretEnc = encryptSecret(decryptSecret(stored.secretEnc, { orgId: who.orgId, userId: stored.userId }), aad);
  }
  const values = { label: input.label, userId: input.userId, parentId: input.parentId ?? null, apiKey: input.apiKey ?? null, workerPattern: input.workerPattern, ...(secretEnc ? { secretEnc } : {}) };
  const before = stored ? { label: stored.label, userId: stored.userId, parentId: stored.parentId, apiKey: stored.apiKey, workerPattern: stored.workerPattern } : null;
  return db.transaction(async (tx) => {
    let id = input.id;
    // The only constraint an edit or insert can break is the unique pool user ID per organization.
    const conflict = () => {
      throw new AppError('CONFLICT');
    };
    if (id) await updatePoolAccount(tx, who.orgId, id, values).catch(conflict);
    else id = await insertPoolAccount(tx, who.orgId, values).catch(conflict);
    await recordAudit(tx, {
      orgId: who.orgId,
      actorUserId: who.userId,
      action: input.id ? 'pool.account.update' : 'pool.account.create',
      entityType: 'pool_account',
      entityId: id,
      before,
      after: { ...values, secretEnc: undefined, secretChanged: Boolean(input.secret) },
    });
    return id;
  });
}

export async function setPoolAccountEnabled(db: Db, who: AccountWho, id: string, enabled: boolean) {
  const stored = await getPoolAccount(db, who.orgId, id);
  if (!stored) throw new AppError('NOT_FOUND');
  await db.transaction(async (tx) => {
    await updatePoolAccount(tx, who.orgId, id, { enabled });
    await recordAudit(tx, { orgId: who.orgId, actorUserId: who.userId, action: enabled ? 'pool.account.enable' : 'pool.account.disable', entityType: 'pool_account', entityId: id, before: { enabled: stored.enabled }, after: { enabled } });
  });
}
