import type { Db } from '@/db/client';
import { listCollectableAccounts } from '@/db/queries/pool/accounts';
import { formatBtcFromSats } from '@/lib/format';
import { PLANNED_LIMIT } from './budget';
import { AntpoolError } from './errors';
import type { Antpool } from './factory';

export type CheckLine = { ok: boolean; what: string; detail: string };

/** Tier 1 every 10 min plus Tier 2 hourly spread over six windows, against the planned budget. */
export function plannedCallsPer10Min(p: { accounts: number; leaves: number; workers: number }) {
  const tier1 = 1 + 2 * p.accounts + p.leaves;
  const tier2Burst = p.leaves + Math.ceil(p.workers / 50);
  return { tier1, tier2Burst, worstWindow: tier1 + tier2Burst };
}

/**
 * `npm run antpool:check`: per account, one signed `account` call (credentials), the pool's Date
 * header against ours (clock; nonces are milliseconds), and the budget now and at the worst planned
 * 10 minutes. Uses 1 request per account plus one overview per leaf.
 */
export async function runAntpoolCheck(pool: Antpool, db: Db, now = new Date()): Promise<CheckLine[]> {
  const lines: CheckLine[] = [{ ok: true, what: 'base URL', detail: pool.baseUrl }];
  const accounts = await listCollectableAccounts(db);
  if (!accounts.length) return [...lines, { ok: false, what: 'accounts', detail: 'no pool accounts configured (Pool settings)' }];
  let workers = 0;
  for (const a of accounts) {
    try {
      const { client, api, account } = await pool.clientForAccount(db, a.id);
      const bal = await api.account(account.userId, { accountId: a.id });
      lines.push({ ok: true, what: `credentials ${account.userId}`, detail: `ok, balance ${formatBtcFromSats(bal.balanceSats, 'en')}` });
      if (a.isLeaf) workers += (await api.overview(account.userId, { accountId: a.id })).totalWorkers;
      if (client.lastServerDate) {
        const skew = Math.round((Date.now() - client.lastServerDate.getTime()) / 1000);
        lines.push({ ok: Math.abs(skew) <= 30, what: `clock vs ${account.userId}`, detail: `${skew >= 0 ? '+' : ''}${skew} s (HTTP dates are to the second)` });
      }
    } catch (e) {
      lines.push({ ok: false, what: `credentials ${a.userId}`, detail: e instanceof AntpoolError ? `${e.kind}: ${e.message}` : String(e) });
    }
  }
  const used = await pool.budget(db).used(now);
  const plan = plannedCallsPer10Min({ accounts: accounts.length, leaves: accounts.filter((a) => a.isLeaf).length, workers });
  lines.push({ ok: used < PLANNED_LIMIT, what: 'budget now', detail: `${used} of ${PLANNED_LIMIT} planned (Antpool allows 600) in the last 10 minutes` });
  lines.push({ ok: plan.worstWindow <= PLANNED_LIMIT, what: 'budget plan', detail: `Tier 1 ${plan.tier1}/10 min + Tier 2 ${plan.tier2Burst}/h for ${workers} workers → worst 10 min ${plan.worstWindow} of ${PLANNED_LIMIT}` });
  return lines;
}
