import type { Db } from '@/db/client';
import { getPoolAccount, recordConnectionTest } from '@/db/queries/pool/accounts';
import { AppError } from '@/lib/core/errors';
import { formatBtcFromSats } from '@/lib/format';
import { AntpoolError } from './errors';
import type { Antpool } from './factory';

/**
 * One signed `account` call with the stored credentials against the configured base URL, no waiting
 * for budget and at most one retry; the outcome is kept on the account for the settings page.
 */
export async function testPoolConnection(pool: Antpool, db: Db, orgId: string, id: string, now = new Date()): Promise<{ ok: boolean; message: string }> {
  if (!(await getPoolAccount(db, orgId, id))) throw new AppError('NOT_FOUND');
  let ok = false;
  let message: string;
  try {
    const { api, account } = await pool.clientForAccount(db, id, { maxAttempts: 2, timeoutMs: 10_000, maxBudgetWaitMs: 0 });
    const b = await api.account(account.userId, { accountId: id });
    ok = true;
    message = `ok: balance ${formatBtcFromSats(b.balanceSats, 'en')}`;
  } catch (e) {
    message = e instanceof AntpoolError ? e.kind : 'unknown';
  }
  await recordConnectionTest(db, id, ok, message, now);
  return { ok, message };
}
