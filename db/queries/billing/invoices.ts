import { and, asc, desc, eq, ne, sql } from 'drizzle-orm';
import { AppError } from '@/lib/core/errors';
import type { Scope } from '@/lib/core/scope';
import { addDaysIso, amountDue, type Charge, invoiceNumber, invoiceStatus, priceLines } from '@/lib/domain/billing/invoice';
import { type Db, queryRows } from '../../client';
import { balanceEntries, customers, hostingContracts, invoiceLines, invoices, users } from '../../schema';
import { recordAudit } from '../admin/audit';
import { grantReferralCredit } from './referral';
import { type PageRequest, pageOf, windowTotal } from '../pagination';
import { assertManages, billingScope, customerInScope, lockBalance, lockInvoices, utcDay } from './scope';

export type InvoiceRow = typeof invoices.$inferSelect;
export type InvoiceLineRow = typeof invoiceLines.$inferSelect;

// A client never sees drafts: they are the host's work in progress, unnumbered and changeable.
const invoiceScope = (scope: Scope) => and(billingScope(invoices, scope), scope.customers === 'all' ? undefined : ne(invoices.status, 'draft'))!;

/** The customer's language: its CLIENT user's (linked by e-mail), else English. */
export async function customerLocale(db: Db, email: string | null): Promise<string> {
  if (!email) return 'en';
  const [u] = await db.select({ locale: users.locale }).from(users).where(eq(users.email, email.toLowerCase())).limit(1);
  return u?.locale === 'zh' ? 'zh' : 'en';
}

/** Inserts a draft and its priced lines (one transaction is the caller's). */
export async function insertDraft(
  tx: Db,
  o: { orgId: string; customerId: string; contractId: string | null; kind?: 'invoice' | 'credit_note'; creditOfId?: string | null; periodMonth?: string | null; locale: string; taxBps: number; paymentTermsDays: number; charges: readonly Charge[] },
) {
  const { lines, totals } = priceLines(o.charges, o.taxBps);
  const [inv] = await tx
    .insert(invoices)
    .values({ orgId: o.orgId, customerId: o.customerId, contractId: o.contractId, kind: o.kind ?? 'invoice', creditOfId: o.creditOfId ?? null, periodMonth: o.periodMonth ?? null, locale: o.locale, taxBps: o.taxBps, ...totals, dueDate: null, status: 'draft' })
    .returning();
  if (lines.length)
    await tx.insert(invoiceLines).values(lines.map((l) => ({ invoiceId: inv!.id, position: l.position, kind: l.kind, description: l.description ?? null, quantity: l.quantity, unitMc: l.unitMc, amountCents: l.amountCents, taxCents: l.taxCents, meta: l.meta ?? {} })));
  return { invoice: inv!, paymentTermsDays: o.paymentTermsDays };
}

/**
 * A draft of one-off items for a customer, optionally under a contract (its tax and terms). A void
 * contract cannot be invoiced; nothing is written then.
 */
export async function createDraftInvoice(db: Db, scope: Scope, o: { customerId: string; contractId?: string | null; taxBps?: number; items: { description: string; quantity: string; unitCents: number }[] }) {
  assertManages(scope);
  return db.transaction(async (tx) => {
    const customer = await customerInScope(tx, scope, o.customerId);
    let taxBps = o.taxBps ?? 0;
    if (o.contractId) {
      const [c] = await tx.select().from(hostingContracts).where(and(eq(hostingContracts.id, o.contractId), eq(hostingContracts.customerId, customer.id)));
      if (!c) throw new AppError('VALIDATION', 'No such contract for the customer', { contractId: 'invalid' });
      if (c.status === 'void') throw new AppError('VALIDATION', 'The contract is void', { contractId: 'contractVoid' });
      taxBps = o.taxBps ?? c.taxBps;
    }
    const charges: Charge[] = o.items.map((i) => ({ kind: 'one_off', description: i.description, quantity: i.quantity, unitMc: i.unitCents * 1000 }));
    const { invoice } = await insertDraft(tx, { orgId: customer.orgId, customerId: customer.id, contractId: o.contractId ?? null, locale: await customerLocale(tx, customer.email), taxBps, paymentTermsDays: 0, charges });
    return invoice;
  });
}

/**
 * Issues a draft inside `tx`: the organization's next number (gapless — drawn under the per-org lock
 * in the transaction that issues, so a rolled-back issue draws nothing), the date and due date, and
 * status sent. The caller holds lockInvoices.
 */
export async function issueInTx(tx: Db, invoiceId: string, o: { actorId: string | null; now: Date; paymentTermsDays: number }) {
  const [fresh] = await tx.select().from(invoices).where(eq(invoices.id, invoiceId)).for('update');
  if (!fresh) throw new AppError('NOT_FOUND', 'No such invoice');
  if (fresh.status !== 'draft') throw new AppError('CONFLICT', `Invoice ${fresh.number ?? ''} is not a draft`);
  if (fresh.contractId) {
    const [c] = await tx.select({ status: hostingContracts.status }).from(hostingContracts).where(eq(hostingContracts.id, fresh.contractId));
    if (c?.status === 'void') throw new AppError('VALIDATION', 'The contract is void', { contractId: 'contractVoid' });
  }
  const [{ seq }] = (await queryRows<{ seq: number }>(tx, sql`select coalesce(max(seq), 0)::int + 1 as seq from invoices where org_id = ${fresh.orgId}`)) as [{ seq: number }];
  const issueDate = utcDay(o.now);
  const [issued] = await tx
    .update(invoices)
    .set({ status: 'sent', seq, number: invoiceNumber(fresh.kind as 'invoice' | 'credit_note', issueDate, seq), issueDate, dueDate: addDaysIso(issueDate, o.paymentTermsDays), issuedAt: o.now, issuedBy: o.actorId, updatedAt: o.now })
    .where(eq(invoices.id, invoiceId))
    .returning();
  await recordAudit(tx, { orgId: fresh.orgId, actorUserId: o.actorId, action: 'billing.invoice_issue', entityType: 'invoice', entityId: invoiceId, after: { number: issued!.number, totalCents: issued!.totalCents } });
  return issued!;
}

export async function issueInvoice(db: Db, scope: Scope, invoiceId: string, actorId: string | null, now = new Date()) {
  assertManages(scope);
  return db.transaction(async (tx) => {
    const [inv] = await tx.select({ orgId: invoices.orgId, contractId: invoices.contractId }).from(invoices).where(and(eq(invoices.id, invoiceId), invoiceScope(scope)));
    if (!inv) throw new AppError('NOT_FOUND', 'No such invoice');
    await lockInvoices(tx, inv.orgId);
    const [c] = inv.contractId ? await tx.select({ days: hostingContracts.paymentTermsDays }).from(hostingContracts).where(eq(hostingContracts.id, inv.contractId)) : [];
    return issueInTx(tx, invoiceId, { actorId, now, paymentTermsDays: c?.days ?? 15 });
  });
}

/** Sets an issued invoice's status from its amounts (after a payment, credit or on a new day). */
export async function refreshStatus(tx: Db, invoiceId: string, now: Date) {
  const [inv] = await tx.select().from(invoices).where(eq(invoices.id, invoiceId));
  if (!inv || inv.kind !== 'invoice') return;
  const status = invoiceStatus(inv, utcDay(now));
  if (status !== inv.status) await tx.update(invoices).set({ status, updatedAt: now }).where(eq(invoices.id, invoiceId));
  // Fully paid with money received (not only credited away): the referrer's bonus, once per referred customer.
  if (status === 'paid' && inv.paidCents > 0) await grantReferralCredit(tx, inv, now);
}

/**
 * Voids an invoice nothing was paid or credited on (a draft, or an issued one: it keeps its number,
 * so the sequence has no gap). Anything paid or credited needs a credit note instead.
 */
export async function voidInvoice(db: Db, scope: Scope, invoiceId: string, actorId: string | null, now = new Date()) {
  assertManages(scope);
  return db.transaction(async (tx) => {
    const [inv] = await tx.select().from(invoices).where(and(eq(invoices.id, invoiceId), invoiceScope(scope))).for('update');
    if (!inv) throw new AppError('NOT_FOUND', 'No such invoice');
    if (inv.status === 'void' || inv.kind !== 'invoice') throw new AppError('CONFLICT', 'Already void, or a credit note');
    if (inv.paidCents > 0 || inv.creditedCents > 0) throw new AppError('CONFLICT', 'Paid or credited: issue a credit note instead');
    const [row] = await tx.update(invoices).set({ status: 'void', voidedAt: now, updatedAt: now }).where(eq(invoices.id, invoiceId)).returning();
    await recordAudit(tx, { orgId: inv.orgId, actorUserId: actorId, action: 'billing.invoice_void', entityType: 'invoice', entityId: invoiceId, before: { status: inv.status } });
    return row!;
  });
}

/**
 * A credit note against an issued invoice, instead of editing it: either the whole invoice (its lines
 * again) or one amount before tax at the invoice's tax rate. It is issued at once, numbered in the
 * same sequence. It first reduces what the invoice still owes; what exceeds that (the invoice was
 * paid) is held on the customer's balance as a credit_note entry.
 */
export async function createCreditNote(db: Db, scope: Scope, invoiceId: string, o: { amountCents?: number; reason: string }, actorId: string | null, now = new Date()) {
  assertManages(scope);
  return db.transaction(async (tx) => {
    const [orig] = await tx.select().from(invoices).where(and(eq(invoices.id, invoiceId), invoiceScope(scope)));
    if (!orig) throw new AppError('NOT_FOUND', 'No such invoice');
    await lockInvoices(tx, orig.orgId);
    await lockBalance(tx, orig.customerId);
    const [inv] = await tx.select().from(invoices).where(eq(invoices.id, invoiceId)).for('update');
    if (inv!.kind !== 'invoice' || inv!.status === 'draft' || inv!.status === 'void') throw new AppError('CONFLICT', 'Only an issued invoice takes a credit note');
    const [{ credited }] = (await queryRows<{ credited: number }>(tx, sql`select coalesce(sum(total_cents), 0)::bigint as credited from invoices where credit_of_id = ${invoiceId} and status <> 'void'`)) as [{ credited: number }];
    const lines = await tx.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, invoiceId)).orderBy(asc(invoiceLines.position));
    const charges: Charge[] =
      o.amountCents === undefined
        ? lines.map((l) => ({ kind: l.kind as Charge['kind'], description: l.description, quantity: l.quantity, unitMc: l.unitMc, meta: { ...l.meta, reason: o.reason } }))
        : [{ kind: 'credit', description: o.reason, quantity: '1', unitMc: o.amountCents * 1000, meta: { reason: o.reason } }];
    const { invoice: cn } = await insertDraft(tx, { orgId: inv!.orgId, customerId: inv!.customerId, contractId: inv!.contractId, kind: 'credit_note', creditOfId: invoiceId, locale: inv!.locale, taxBps: inv!.taxBps, paymentTermsDays: 0, charges });
    if (cn.totalCents <= 0 || Number(credited) + cn.totalCents > inv!.totalCents) throw new AppError('VALIDATION', 'More than the invoice left to credit', { amountCents: 'outOfRange' });
    const issued = await issueInTx(tx, cn.id, { actorId, now, paymentTermsDays: 0 });
    const toInvoice = Math.min(cn.totalCents, amountDue(inv!));
    await tx.update(invoices).set({ creditedCents: inv!.creditedCents + toInvoice, updatedAt: now }).where(eq(invoices.id, invoiceId));
    if (cn.totalCents > toInvoice)
      await tx.insert(balanceEntries).values({ orgId: inv!.orgId, customerId: inv!.customerId, kind: 'credit_note', amountCents: cn.totalCents - toInvoice, invoiceId: cn.id, note: inv!.number, createdBy: actorId });
    await refreshStatus(tx, invoiceId, now);
    return { ...issued, appliedToInvoiceCents: toInvoice };
  });
}

export type InvoiceListRow = InvoiceRow & { customerName: string };

/** Invoices and credit notes in scope, newest first; one page and the count. */
export async function listInvoices(db: Db, scope: Scope, f: { status?: string; customerId?: string }, page: PageRequest) {
  const query = db
    .select({ invoice: invoices, customerName: customers.name, total: windowTotal() })
    .from(invoices)
    .innerJoin(customers, eq(customers.id, invoices.customerId))
    .where(and(invoiceScope(scope), f.status ? eq(invoices.status, f.status) : undefined, f.customerId ? eq(invoices.customerId, f.customerId) : undefined))
    .orderBy(desc(invoices.createdAt), desc(invoices.seq));
  const p = await pageOf(page, query);
  return { ...p, rows: p.rows.map((r): InvoiceListRow => ({ ...r.invoice, customerName: r.customerName })) };
}

export async function getInvoice(db: Db, scope: Scope, id: string) {
  const [row] = await db.select({ invoice: invoices, customerName: customers.name, customerEmail: customers.email }).from(invoices).innerJoin(customers, eq(customers.id, invoices.customerId)).where(and(eq(invoices.id, id), invoiceScope(scope)));
  if (!row) throw new AppError('NOT_FOUND', 'No such invoice');
  const [lines, creditNotes, applied] = await Promise.all([
    db.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, id)).orderBy(asc(invoiceLines.position)),
    db.select({ id: invoices.id, number: invoices.number, totalCents: invoices.totalCents, issueDate: invoices.issueDate }).from(invoices).where(eq(invoices.creditOfId, id)).orderBy(asc(invoices.seq)),
    db.select().from(balanceEntries).where(and(eq(balanceEntries.invoiceId, id), eq(balanceEntries.kind, 'invoice_payment'))).orderBy(asc(balanceEntries.id)),
  ]);
  const [creditOf] = row.invoice.creditOfId ? await db.select({ id: invoices.id, number: invoices.number }).from(invoices).where(eq(invoices.id, row.invoice.creditOfId)) : [];
  return { ...row.invoice, customerName: row.customerName, customerEmail: row.customerEmail, lines, creditNotes, applied, creditOf: creditOf ?? null };
}
export type InvoiceDetail = Awaited<ReturnType<typeof getInvoice>>;
