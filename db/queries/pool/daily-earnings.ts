import { sql } from 'drizzle-orm';
import type { Scope } from '@/lib/core/scope';
import { type Db, queryRows } from '../../client';

/**
 * The organization's pool earnings ('recv' records) summed per UTC day in [from, to], in sats, for a
 * backtest on real production. Organization-wide: the pool accounts are the organization's, not a
 * site's. Days without a record are absent (the caller names them), never 0.
 */
export async function dailyPoolEarningsSats(db: Db, scope: Scope, from: string, to: string): Promise<Map<string, number>> {
  const rows = await queryRows<{ day: string; sats: string | number }>(
    db,
    sql`select (p.paid_at at time zone 'UTC')::date::text as day, sum(p.amount_sats)::bigint as sats
        from pool_payment_history p join pool_accounts a on a.id = p.account_id
        where a.org_id = ${scope.orgId} and p.kind = 'recv'
          and p.paid_at >= ${from}::date and p.paid_at < ${to}::date + 1
        group by 1`,
  );
  return new Map(rows.map((r) => [r.day, Number(r.sats)]));
}
