import { AppError } from '@/lib/core/errors';
import type { Db } from '../../client';
import { recordAudit } from '../admin/audit';
import { getPoolAccount, insertPoolAccount, loadAccountRow, updatePoolAccount } from './accounts';
import { isValidPattern } from './links';

export type AccountWho = { orgId: string; userId: string | null };

/** What the form saves, with the secret already sealed: `secretEnc` absent keeps the stored one. */
export type PoolAccountValues = { label: string; userId: string; parentId: string | null; apiKey: string | null; workerPattern: string; secretEnc?: string };
type StoredAccount = NonNullable<Awaited<ReturnType<typeof loadAccountRow>>>;

/**
 * Checks a pool account form against the database before its secret is sealed: the worker pattern
 * compiles in PostgreSQL, the parent is another account of the organization, and an edited account
 * exists there. Returns the stored row of an edit (its sealed secret may need re-sealing).
 */
export async function checkPoolAccount(db: Db, who: AccountWho, input: { id?: string; parentId?: string; workerPattern: string }): Promise<StoredAccount | null> {
  if (!(await isValidPattern(db, input.workerPattern))) throw new AppError('VALIDATION', undefined, { workerPattern: 'invalid' });
  if (input.parentId && (input.parentId === input.id || !(await getPoolAccount(db, who.orgId, input.parentId)))) throw new AppError('VALIDATION', undefined, { parentId: 'invalid' });
  const stored = input.id ? await loadAccountRow(db, input.id) : null;
  if (input.id && (!stored || stored.orgId !== who.orgId)) throw new AppError('NOT_FOUND');
  return stored;
}

/** Inserts or updates a pool account with already sealed values; the audit records that a secret changed, never it. */
export async function writePoolAccount(db: Db, who: AccountWho, id: string | undefined, stored: StoredAccount | null, values: PoolAccountValues, secretChanged: boolean): Promise<string> {
  const before = stored ? { label: stored.label, userId: stored.userId, parentId: stored.parentId, apiKey: stored.apiKey, workerPattern: stored.workerPattern } : null;
  return db.transaction(async (tx) => {
    let savedId = id;
    // The only constraint an edit or insert can break is the unique pool user ID per organization.
    const conflict = () => {
      throw new AppError('CONFLICT');
    };
    if (savedId) await updatePoolAccount(tx, who.orgId, savedId, values).catch(conflict);
    else savedId = await insertPoolAccount(tx, who.orgId, values).catch(conflict);
    await recordAudit(tx, {
      orgId: who.orgId,
      actorUserId: who.userId,
      action: id ? 'pool.account.update' : 'pool.account.create',
      entityType: 'pool_account',
      entityId: savedId,
      before,
      after: { ...values, secretEnc: undefined, secretChanged },
    });
    return savedId;
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
