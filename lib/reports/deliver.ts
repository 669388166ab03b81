import type { Db } from '@/db/client';
import { customerLocale } from '@/db/queries/billing/invoices';
import { reportBrand } from '@/db/queries/reports/brand';
import { markReportEmailed, queueDeliveryRun, reportRunFile } from '@/db/queries/reports/runs';
import { appNameOf } from '@/lib/domain/brands/app-name';
import { notificationText } from '@/lib/i18n/notification-text';
import type { DeliverResult, Notifier } from '@/lib/integrations/notify';
import { REPORT_MIME } from './build';
import { generateReportRun } from './generate';

export type Recipient = { orgId: string; customerId: string; name: string; email: string };

/**
 * A customer's monthly operations report (PDF, its own miners only, in its language) e-mailed once
 * per month and recipient: the run is keyed by (month, customer, address), a run already e-mailed is
 * left alone, and the notifier's dedupe key refuses a second send of the same key.
 */
export async function deliverMonthlyReport(db: Db, r: Recipient, month: string, o: { notifier: Notifier; now: Date }): Promise<DeliverResult['status'] | 'already' | 'failed'> {
  const locale = (await customerLocale(db, r.email)) === 'zh' ? 'zh' : 'en';
  const deliveryKey = `operations:${month}:${r.customerId}:${r.email}`;
  const run = await queueDeliveryRun(db, { orgId: r.orgId, kind: 'operations', format: 'pdf', locale, month, customerId: r.customerId, deliveryKey, emailTo: r.email, scope: { orgId: r.orgId, sites: 'all', customers: [r.customerId] } });
  if (run.emailedAt) return 'already';
  await generateReportRun(db, run.id, o.now);
  const file = await reportRunFile(db, run.id);
  if (!file) return 'failed';
  const { t, subject } = notificationText(locale);
  // The brand's name when the customer has one (its logo and colours are in the PDF), else the product's.
  const brand = await reportBrand(db, r.orgId, r.customerId);
  const branded = brand.white ? { displayName: brand.name } : null;
  const result = await o.notifier.deliver(db, {
    orgId: r.orgId,
    userId: null,
    channel: 'email',
    target: r.email,
    kind: 'report.monthly',
    dedupeKey: `report:${deliveryKey}`,
    subject: subject(appNameOf(branded), t('report.monthly.subject', { month })),
    senderName: branded?.displayName,
    text: t('report.monthly.body', { customer: r.name, month }),
    payload: { reportRunId: run.id, month },
    attachments: [{ filename: file.fileName, content: file.file, contentType: REPORT_MIME.pdf }],
  });
  if (result.status === 'sent') await markReportEmailed(db, run.id, o.now);
  return result.status;
}
