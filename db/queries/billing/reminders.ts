import { and, eq, inArray, lt } from 'drizzle-orm';
import type { Db } from '../../client';
import { invoices } from '../../schema';

/** Issued invoices still owing past their due date become overdue (one statement); returns them. */
export async function markOverdue(db: Db, today: string) {
  return db
    .update(invoices)
    .set({ status: 'overdue', updatedAt: new Date() })
    .where(and(eq(invoices.kind, 'invoice'), inArray(invoices.status, ['sent', 'partially_paid']), lt(invoices.dueDate, today)))
    .returning({ id: invoices.id });
}

/** Every overdue invoice, with what the reminder rule reads. */
export async function overdueInvoices(db: Db) {
  return db.select({ id: invoices.id, orgId: invoices.orgId, dueDate: invoices.dueDate }).from(invoices).where(and(eq(invoices.kind, 'invoice'), eq(invoices.status, 'overdue')));
}
