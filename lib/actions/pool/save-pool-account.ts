'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { recordAudit } from '@/db/queries/audit';
import { getPoolAccount, insertPoolAccount, updatePoolAccount } from '@/db/queries/pool-accounts';
import { isValidPattern } from '@/db/queries/pool-links';
import { authorizedAction, formToObject, type ActionResult } from '@/lib/actions/action';
import { AppError } from '@/lib/api/errors';
import { encryptSecret } from '@/lib/integrations/antpool/secrets';
import { poolAccountSchema } from '@/lib/validation/pool';

/** Adds or updates a pool account. The secret is encrypted here and never read back; blank keeps it. */
const run = authorizedAction({ module: 'pool:settings', level: 'FULL' }, poolAccountSchema, async (input, actor) => {
  const db = await getDb();
  if (!(await isValidPattern(db, input.workerPattern))) throw new AppError('VALIDATION', undefined, { workerPattern: 'invalid' });
  if (input.parentId && !(await getPoolAccount(db, actor.orgId, input.parentId))) throw new AppError('VALIDATION', undefined, { parentId: 'invalid' });
  const secretEnc = input.secret ? encryptSecret(input.secret, { orgId: actor.orgId, userId: input.userId }) : undefined;
  const values = { label: input.label, userId: input.userId, parentId: input.parentId ?? null, apiKey: input.apiKey ?? null, workerPattern: input.workerPattern, ...(secretEnc ? { secretEnc } : {}) };
  const id = await db.transaction(async (tx) => {
    let accountId = input.id;
    if (accountId) {
      if (!(await updatePoolAccount(tx, actor.orgId, accountId, values))) throw new AppError('NOT_FOUND');
    } else {
      accountId = await insertPoolAccount(tx, actor.orgId, values).catch(() => {
        throw new AppError('CONFLICT');
      });
    }
    // The audit keeps that a secret changed, never the secret.
    await recordAudit(tx, { orgId: actor.orgId, actorUserId: actor.userId, action: input.id ? 'pool.account.update' : 'pool.account.create', entityType: 'pool_account', entityId: accountId, after: { ...values, secretEnc: undefined, secretChanged: Boolean(secretEnc) } });
    return accountId;
  });
  revalidatePath('/[locale]/pool/settings', 'page');
  return { id };
});

export async function savePoolAccountAction(_prev: ActionResult<unknown> | null, form: FormData) {
  return run(formToObject(form));
}
