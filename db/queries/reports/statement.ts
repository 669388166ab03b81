import { sql } from 'drizzle-orm';
import type { Scope } from '@/lib/core/scope';
import { type Db, queryRows } from '../../client';
import { customerInScope } from '../billing/scope';

/*
 * A customer's statement for a month (UTC), from the billing ledger: the invoices and credit notes
 * issued in it, and the balance entries recorded in it with the balance before and after. The
 * balance is the sum of entries (customerBalance), so opening + the month's entries = closing.
 * customerInScope refuses a customer the viewer may not see (NOT_FOUND), a client's other customers too.
 */

export type StatementInvoice = { number: string | null; kind: string; issueDate: string; totalCents: number; paidCents: number; creditedCents: number };
export type StatementEntry = { at: string; kind: string; amountCents: number; invoiceNumber: string | null };
export type Statement = { customerId: string; customerName: string; openingCents: number; closingCents: number; invoices: StatementInvoice[]; entries: StatementEntry[] };

export async function customerStatement(db: Db, scope: Scope, o: { customerId: string; month: string }): Promise<Statement> {
  const customer = await customerInScope(db, scope, o.customerId);
  const from = sql`${`${o.month}-01`}::timestamptz`;
  const to = sql`(${`${o.month}-01`}::date + interval '1 month')::timestamptz`;
  const [[balance], invoices, entries] = await Promise.all([
    queryRows<{ opening: number; closing: number }>(
      db,
      sql`select coalesce(sum(amount_cents) filter (where created_at < ${from}), 0)::float8 as opening, coalesce(sum(amount_cents) filter (where created_at < ${to}), 0)::float8 as closing
        from balance_entries where customer_id = ${customer.id}`,
    ),
    queryRows<{ number: string | null; kind: string; issue_date: string; total: number; paid: number; credited: number }>(
      db,
      sql`select number, kind, to_char(issue_date, 'YYYY-MM-DD') as issue_date, total_cents::float8 as total, paid_cents::float8 as paid, credited_cents::float8 as credited
        from invoices where customer_id = ${customer.id} and issued_at is not null and status <> 'void' and issued_at >= ${from} and issued_at < ${to}
        order by issued_at, number`,
    ),
    queryRows<{ at: string; kind: string; cents: number; number: string | null }>(
      db,
      sql`select to_char(e.created_at at time zone 'UTC', 'YYYY-MM-DD') as at, e.kind, e.amount_cents::float8 as cents, i.number
        from balance_entries e left join invoices i on i.id = e.invoice_id
        where e.customer_id = ${customer.id} and e.created_at >= ${from} and e.created_at < ${to} order by e.id`,
    ),
  ]);
  return {
    customerId: customer.id,
    customerName: customer.name,
    openingCents: balance!.opening,
    closingCents: balance!.closing,
    invoices: invoices.map((r) => ({ number: r.number, kind: r.kind, issueDate: r.issue_date, totalCents: r.total, paidCents: r.paid, creditedCents: r.credited })),
    entries: entries.map((r) => ({ at: r.at, kind: r.kind, amountCents: r.cents, invoiceNumber: r.number })),
  };
}
