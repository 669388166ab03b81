import { runMonthlyInvoices } from '@/db/queries/billing/monthly';
import { emailInvoice } from '@/lib/billing/invoice-email';
import type { JobsClient } from '../../client';

/** The month to bill on `now`: the previous UTC month, from the 2nd (every site's local month has ended by then). */
export function billingMonthDue(now: Date): string | null {
  if (now.getUTCDate() < 2) return null;
  const prev = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return prev.toISOString().slice(0, 7);
}

/**
 * Daily at 04:00 UTC: last month's invoice for every active contract (the run is idempotent — a
 * contract already invoiced for the month is skipped — so running every day only catches up), then
 * each new invoice e-mailed with its PDF in its own step.
 */
export const billingMonthlyInvoices = (inngest: JobsClient) =>
  inngest.createFunction({ id: 'billing-monthly-invoices', triggers: [{ cron: '0 4 * * *' }], concurrency: { limit: 1 } }, async ({ step, db, notifier, now: clock }) => {
    const now = new Date(await step.run('now', () => clock().toISOString()));
    const month = billingMonthDue(now);
    if (!month) return { month: null, issued: [] };
    const out = await step.run('invoice', () => runMonthlyInvoices(db, { orgId: null, month, now }));
    const issued = out.filter((o) => o.result === 'issued');
    for (const o of issued) {
      await step.run(`email-${o.invoiceId}`, async () => {
        const r = await emailInvoice(db, { orgId: o.orgId, sites: 'all', customers: 'all' }, o.invoiceId!, { notifier, now });
        return r?.status ?? 'skipped';
      });
    }
    return { month, issued: issued.map((o) => o.number) };
  });

