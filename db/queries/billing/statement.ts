import { sql } from 'drizzle-orm';
import type { Scope } from '@/lib/core/scope';
import { buildStatement, type StatementKind, type StatementMovement } from '@/lib/domain/billing/statement';
import { type Db, queryRows } from '../../client';
import { customerInScope } from './scope';

/**
 * Every movement of the customer's account (lib/domain/billing/statement.ts says which and their
 * signs) as one statement: issued invoices and credit notes from the invoice register, voids at their
 * time, money in and out from the append-only ledger (a payment at the time it was received).
 * `before` < `until`; the opening balance is the sum of everything before `from`, in SQL.
 */
const movementsSql = (customerId: string) => sql`
  select issued_at as at, (case when kind = 'credit_note' then 'credit_note' else 'invoice' end) as kind, number as reference,
         (case when kind = 'credit_note' then -total_cents else total_cents end)::bigint as cents
    from invoices where customer_id = ${customerId} and issued_at is not null
  union all
  select voided_at, 'invoice_void', number, (-total_cents)::bigint
    from invoices where customer_id = ${customerId} and issued_at is not null and voided_at is not null and kind = 'invoice'
  union all
  select coalesce(p.received_at, b.created_at), b.kind, coalesce(p.reference, p.tx_hash, b.note), (-b.amount_cents)::bigint
    from balance_entries b left join payments p on p.id = b.payment_id
   where b.customer_id = ${customerId} and b.kind not in ('invoice_payment', 'credit_note')`;

export async function customerStatement(db: Db, scope: Scope, customerId: string, period: { from: Date; until: Date }) {
  const customer = await customerInScope(db, scope, customerId);
  const rows = await queryRows<{ at: Date | string; kind: string; reference: string | null; cents: number | string; opening: number | string | null }>(
    db,
    sql`with m as (${movementsSql(customer.id)})
      select null::timestamptz as at, 'opening' as kind, null as reference, 0::bigint as cents, coalesce(sum(cents), 0)::bigint as opening from m where at < ${period.from.toISOString()}::timestamptz
      union all
      select at, kind, reference, cents, null from m where at >= ${period.from.toISOString()}::timestamptz and at < ${period.until.toISOString()}::timestamptz
      order by at nulls first`,
  );
  const opening = Number(rows.find((r) => r.kind === 'opening')?.opening ?? 0);
  const movements: StatementMovement[] = rows.filter((r) => r.kind !== 'opening').map((r) => ({ at: new Date(r.at as string), kind: r.kind as StatementKind, reference: r.reference, cents: Number(r.cents) }));
  return { customer, ...buildStatement(opening, movements) };
}
