import { markOverdue, overdueInvoices } from '@/db/queries/billing/reminders';
import { emailInvoice } from '@/lib/billing/invoice-email';
import { reminderStage } from '@/lib/domain/billing/payment';
import type { JobsClient } from '../../client';

/**
 * Daily at 08:00 UTC: invoices past due become overdue, and each overdue invoice gets the reminder its
 * age calls for (the day after, after a week, after 30 days). Each stage is delivered once (its dedupe
 * key), so a rerun or a retry sends nothing twice.
 */
export const billingInvoiceReminders = (inngest: JobsClient) =>
  inngest.createFunction({ id: 'billing-invoice-reminders', triggers: [{ cron: '0 8 * * *' }], concurrency: { limit: 1 } }, async ({ step, db, notifier, now: clock }) => {
    const now = new Date(await step.run('now', () => clock().toISOString()));
    const today = now.toISOString().slice(0, 10);
    const marked = await step.run('mark-overdue', async () => (await markOverdue(db, today)).length);
    const overdue = await step.run('overdue', () => overdueInvoices(db));
    const sent: string[] = [];
    for (const inv of overdue) {
      const stage = inv.dueDate ? reminderStage(inv.dueDate, today) : 0;
      if (!stage) continue;
      const status = await step.run(`remind-${inv.id}-${stage}`, async () => (await emailInvoice(db, { orgId: inv.orgId, sites: 'all', customers: 'all' }, inv.id, { notifier, kind: 'reminder', stage, now }))?.status ?? 'skipped');
      if (status === 'sent') sent.push(inv.id);
    }
    return { marked, overdue: overdue.length, sent: sent.length };
  });
