import { and, desc, eq, sql } from 'drizzle-orm';
import { AppError } from '@/lib/core/errors';
import type { Scope } from '@/lib/core/scope';
import { type Db, queryRows } from '../../client';
import { balanceEntries } from '../../schema';
import { recordAudit } from '../admin/audit';
import { type PageRequest, pageOf, windowTotal } from '../pagination';
import { assertManages, billingScope, customerInScope, lockBalance } from './scope';

export type Balance = { balanceCents: number; byKind: Record<string, number>; depositCents: number };

/** The balance is the sum of the entries (and the same per kind); no stored running total to drift. */
export async function customerBalance(db: Db, scope: Scope, customerId: string): Promise<Balance> {
  const customer = await customerInScope(db, scope, customerId);
  const rows = await queryRows<{ kind: string; cents: number }>(db, sql`select kind, sum(amount_cents)::bigint as cents from balance_entries where customer_id = ${customer.id} group by kind`);
  const byKind = Object.fromEntries(rows.map((r) => [r.kind, Number(r.cents)]));
  return { balanceCents: rows.reduce((s, r) => s + Number(r.cents), 0), byKind, depositCents: byKind.deposit ?? 0 };
}

export async function listBalanceEntries(db: Db, scope: Scope, customerId: string, page: PageRequest) {
  const query = db
    .select({ entry: balanceEntries, total: windowTotal() })
    .from(balanceEntries)
    .where(and(eq(balanceEntries.customerId, customerId), billingScope(balanceEntries, scope)))
    .orderBy(desc(balanceEntries.id));
  const p = await pageOf(page, query);
  return { ...p, rows: p.rows.map((r) => r.entry) };
}

/** Money paid back to the customer: never more than the balance holds. */
export async function recordRefund(db: Db, scope: Scope, o: { customerId: string; amountCents: number; note?: string | null }, actorId: string | null) {
  assertManages(scope);
  if (!(o.amountCents > 0)) throw new AppError('VALIDATION', 'Amount must be above zero', { amountCents: 'positive' });
  return db.transaction(async (tx) => {
    const customer = await customerInScope(tx, scope, o.customerId);
    await lockBalance(tx, customer.id);
    const [{ cents }] = (await queryRows<{ cents: number }>(tx, sql`select coalesce(sum(amount_cents), 0)::bigint as cents from balance_entries where customer_id = ${customer.id}`)) as [{ cents: number }];
    if (o.amountCents > Number(cents)) throw new AppError('VALIDATION', 'More than the balance', { amountCents: 'outOfRange' });
    const [entry] = await tx.insert(balanceEntries).values({ orgId: customer.orgId, customerId: customer.id, kind: 'refund', amountCents: -o.amountCents, note: o.note ?? null, createdBy: actorId }).returning();
    await recordAudit(tx, { orgId: customer.orgId, actorUserId: actorId, action: 'billing.refund', entityType: 'balance_entry', entityId: String(entry!.id), after: { amountCents: o.amountCents } });
    return entry!;
  });
}
