import { type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../client';
import { offsetOf, type PageRequest, toPage } from '../pagination';

/** Payouts and daily earnings (recv) of the organization's accounts. Org-wide roles only. */
export type PaymentFilter = { kind: 'payout' | 'recv'; accountId?: string; from?: string; to?: string };

function paymentWhere(orgId: string, f: PaymentFilter): SQL {
  return sql.join(
    [
      sql`a.org_id = ${orgId}`,
      sql`p.kind = ${f.kind}`,
      f.accountId ? sql`a.id = ${f.accountId}` : sql`true`,
      f.from ? sql`p.paid_at >= ${f.from}::date` : sql`true`,
      f.to ? sql`p.paid_at < ${f.to}::date + 1` : sql`true`,
    ],
    sql` and `,
  );
}

const from = sql`pool_payment_history p join pool_accounts a on a.id = p.account_id`;

export async function listPayments(db: Db, orgId: string, f: PaymentFilter, req: PageRequest) {
  const where = paymentWhere(orgId, f);
  const rows = await queryRows<{ account: string; paidAt: Date; amountSats: number; fppsBlockSats: number | null; fppsFeeSats: number | null; txId: string | null; walletAddress: string | null }>(
    db,
    sql`select a.label as "account", p.paid_at as "paidAt", p.amount_sats::float8 as "amountSats", p.fpps_block_sats::float8 as "fppsBlockSats", p.fpps_fee_sats::float8 as "fppsFeeSats",
          p.tx_id as "txId", p.wallet_address as "walletAddress"
        from ${from} where ${where} order by p.paid_at desc, a.label limit ${req.pageSize} offset ${offsetOf(req)}`,
  );
  const [t] = await queryRows<{ n: number; sats: number | null }>(db, sql`select count(*)::int as n, sum(p.amount_sats)::float8 as sats from ${from} where ${where}`);
  return { ...toPage(rows.map((r) => ({ ...r, paidAt: new Date(r.paidAt) })), t?.n ?? 0, req), totalSats: t?.sats ?? 0 };
}

/** Sum per UTC day under the same filter, for the chart (at most the last 90 days shown). */
export async function paymentsPerDay(db: Db, orgId: string, f: PaymentFilter, now: Date) {
  const since = f.from ?? new Date(now.getTime() - 90 * 86_400_000).toISOString().slice(0, 10);
  return queryRows<{ day: string; sats: number }>(
    db,
    sql`select to_char(date_trunc('day', p.paid_at at time zone 'UTC'), 'YYYY-MM-DD') as "day", sum(p.amount_sats)::float8 as "sats"
        from ${from} where ${paymentWhere(orgId, { ...f, from: since })} group by 1 order by 1`,
  );
}
