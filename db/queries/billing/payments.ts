import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { AppError } from '@/lib/core/errors';
import type { Scope } from '@/lib/core/scope';
import { allocateOldestFirst, coinCents, type PaymentMethod, type PaymentPurpose } from '@/lib/domain/billing/payment';
import { amountDue } from '@/lib/domain/billing/invoice';
import type { Db } from '../../client';
import { balanceEntries, invoices, payments } from '../../schema';
import { recordAudit } from '../admin/audit';
import { refreshStatus } from './invoices';
import { assertManages, customerInScope, lockBalance } from './scope';

export type PaymentInput = {
  customerId: string;
  purpose: PaymentPurpose;
  method: PaymentMethod;
  /** Fiat: the USD cents received. A coin: derived from assetMinor × rateCents. */
  amountCents?: number;
  assetMinor?: number;
  rateCents?: number;
  txHash?: string | null;
  reference?: string | null;
  receivedAt: Date;
  /** A payment for invoices may exceed what they owe only when this says so; the rest stays on the balance. */
  allowOverpayment: boolean;
};

/**
 * Records money received and its ledger entries in one transaction: the payment (+), then, for a
 * payment for invoices, one invoice_payment (−) per open invoice, oldest due first, each up to what it
 * still owes. A remainder without allowOverpayment refuses the whole payment (a field error; nothing is
 * written). A deposit or prepayment only credits the balance.
 */
export async function recordPayment(db: Db, scope: Scope, input: PaymentInput, actorId: string | null, now = new Date()) {
  assertManages(scope);
  const coin = input.method !== 'fiat';
  if (coin && !input.txHash) throw new AppError('VALIDATION', 'A coin payment needs its transaction hash', { txHash: 'required' });
  if (coin && !(input.assetMinor && input.assetMinor > 0)) throw new AppError('VALIDATION', 'Amount received', { assetMinor: 'positive' });
  if (coin && !(input.rateCents && input.rateCents > 0)) throw new AppError('VALIDATION', 'Rate used', { rateCents: 'positive' });
  const amountCents = coin ? coinCents(input.method as 'btc' | 'usdt', input.assetMinor!, input.rateCents!) : (input.amountCents ?? 0);
  if (!(amountCents > 0)) throw new AppError('VALIDATION', 'Amount must be above zero', { [coin ? 'assetMinor' : 'amountCents']: 'positive' });
  return db.transaction(async (tx) => {
    const customer = await customerInScope(tx, scope, input.customerId);
    await lockBalance(tx, customer.id);
    const open =
      input.purpose === 'invoices'
        ? await tx
            .select()
            .from(invoices)
            .where(and(eq(invoices.customerId, customer.id), eq(invoices.kind, 'invoice'), inArray(invoices.status, ['sent', 'partially_paid', 'overdue'])))
            .orderBy(asc(invoices.dueDate), asc(invoices.seq))
            .for('update')
        : [];
    const { allocations, remainderCents } = allocateOldestFirst(
      open.map((i) => ({ id: i.id, dueCents: amountDue(i), dueDate: i.dueDate, seq: i.seq })),
      amountCents,
    );
    if (input.purpose === 'invoices' && remainderCents > 0 && !input.allowOverpayment) throw new AppError('VALIDATION', `Exceeds the amount due by ${remainderCents} cents`, { [coin ? 'assetMinor' : 'amountCents']: 'overpayment' });
    const [payment] = await tx
      .insert(payments)
      .values({ orgId: customer.orgId, customerId: customer.id, purpose: input.purpose, method: input.method, amountCents, assetMinor: coin ? input.assetMinor : null, rateCents: coin ? input.rateCents : null, txHash: input.txHash || null, reference: input.reference || null, receivedAt: input.receivedAt, createdBy: actorId })
      .onConflictDoNothing()
      .returning();
    if (!payment) throw new AppError('VALIDATION', 'This transaction was already recorded', { txHash: 'invalid' });
    const kind = input.purpose === 'invoices' ? 'payment' : input.purpose;
    await tx.insert(balanceEntries).values({ orgId: customer.orgId, customerId: customer.id, kind, amountCents, paymentId: payment.id, createdBy: actorId });
    if (allocations.length)
      await tx.insert(balanceEntries).values(allocations.map((a) => ({ orgId: customer.orgId, customerId: customer.id, kind: 'invoice_payment', amountCents: -a.cents, paymentId: payment.id, invoiceId: a.invoiceId, createdBy: actorId })));
    for (const a of allocations) {
      await tx.update(invoices).set({ paidCents: sql`${invoices.paidCents} + ${a.cents}`, updatedAt: now }).where(eq(invoices.id, a.invoiceId));
      await refreshStatus(tx, a.invoiceId, now);
    }
    await recordAudit(tx, { orgId: customer.orgId, actorUserId: actorId, action: 'billing.payment_record', entityType: 'payment', entityId: payment.id, after: { amountCents, method: input.method, allocations, remainderCents } });
    return { payment, allocations, remainderCents };
  });
}
