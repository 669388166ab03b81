import { monthlyReportRecipients } from '@/db/queries/reports/delivery';
import { deliverMonthlyReport } from '@/lib/reports/deliver';
import type { JobsClient } from '../../client';
import { billingMonthDue } from '../billing/monthly-invoices';

/**
 * On the 2nd of each month at 06:00 UTC (every site's month has ended and the monthly power job has
 * run): last month's operations report to every customer with an e-mail, each in its own step.
 * Idempotent per month and recipient (lib/reports/deliver.ts), so a rerun sends nothing twice.
 */
export const reportsMonthlyDelivery = (inngest: JobsClient) =>
  inngest.createFunction({ id: 'reports-monthly-delivery', triggers: [{ cron: '0 6 2 * *' }], concurrency: { limit: 1 } }, async ({ step, db, notifier, now: clock }) => {
    const now = new Date(await step.run('now', () => clock().toISOString()));
    const month = billingMonthDue(now);
    if (!month) return { month: null, sent: {} };
    const recipients = await step.run('recipients', () => monthlyReportRecipients(db));
    const sent: Record<string, string> = {};
    for (const r of recipients) sent[`${r.customerId}:${r.email}`] = await step.run(`deliver-${r.customerId}-${r.email}`, () => deliverMonthlyReport(db, r, month, { notifier, now }));
    return { month, sent };
  });
