'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db';
import { getPoolAccount, recordConnectionTest } from '@/db/queries/pool-accounts';
import { authorizedAction, formToObject, type ActionResult } from '@/lib/actions/action';
import { AppError } from '@/lib/api/errors';
import { AntpoolError } from '@/lib/integrations/antpool/errors';
import { clientForAccount } from '@/lib/integrations/antpool/factory';

/** One signed `account` call with the stored credentials; the outcome is kept on the account. */
const run = authorizedAction({ module: 'pool:settings', level: 'FULL' }, z.object({ id: z.uuid('invalid') }), async ({ id }, actor) => {
  const db = await getDb();
  if (!(await getPoolAccount(db, actor.orgId, id))) throw new AppError('NOT_FOUND');
  let ok = false;
  let message: string;
  try {
    const { api, account } = await clientForAccount(db, id, { maxAttempts: 2, timeoutMs: 10_000, maxBudgetWaitMs: 0 });
    const b = await api.account(account.userId, { accountId: id });
    ok = true;
    message = `ok: balance ${(b.balanceSats / 1e8).toFixed(8)} BTC`;
  } catch (e) {
    message = e instanceof AntpoolError ? e.kind : 'unknown';
  }
  await recordConnectionTest(db, id, ok, message, new Date());
  revalidatePath('/[locale]/pool/settings', 'page');
  return { ok, message };
});

export async function testPoolConnectionAction(_prev: ActionResult<unknown> | null, form: FormData) {
  return run(formToObject(form));
}
