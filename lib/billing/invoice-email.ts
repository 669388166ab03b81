import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { getInvoice, type InvoiceDetail } from '@/db/queries/billing/invoices';
import { invoices } from '@/db/schema';
import type { Scope } from '@/lib/core/scope';
import { appNameOf } from '@/lib/domain/brands/app-name';
import { amountDue } from '@/lib/domain/billing/invoice';
import { formatDate, formatUsdFromCents } from '@/lib/format';
import { notificationText } from '@/lib/i18n/notification-text';
import type { DeliverResult, Notifier } from '@/lib/integrations/notify';
import { invoicePdfExtras } from './invoice-extras';
import { renderInvoicePdf } from './invoice-pdf';

/**
 * An issued invoice (kind 'issued') or an overdue reminder (kind 'reminder', its stage) to the
 * customer's e-mail, in the invoice's language, with the PDF attached, through the notifier (the
 * app's SMTP server, a job's injected one). Without an address or a number it sends nothing (null).
 * The dedupe key sends each invoice, and each reminder stage, once.
 */
export async function emailInvoice(db: Db, scope: Scope, invoiceId: string, o: { notifier: Notifier; kind?: 'issued' | 'reminder'; stage?: number; now?: Date }): Promise<DeliverResult | null> {
  const inv: InvoiceDetail = await getInvoice(db, scope, invoiceId);
  if (!inv.customerEmail || !inv.number) return null;
  const kind = o.kind ?? 'issued';
  const locale = inv.locale === 'zh' ? 'zh' : 'en';
  const extras = await invoicePdfExtras(db, scope, inv.customerId);
  const brand = extras.brand;
  const { t, subject } = notificationText(locale);
  const values = { number: inv.number, total: formatUsdFromCents(inv.totalCents, locale), due: formatUsdFromCents(amountDue(inv), locale), dueDate: inv.dueDate ? formatDate(new Date(`${inv.dueDate}T00:00:00Z`), locale) : '—', customer: inv.customerName };
  const pdf = await renderInvoicePdf(inv, locale, extras);
  const result = await o.notifier.deliver(db, {
      orgId: inv.orgId,
      userId: null,
      channel: 'email',
      target: inv.customerEmail,
      kind: `invoice.${kind}`,
      dedupeKey: kind === 'issued' ? `invoice:${inv.id}` : `invoice-reminder:${inv.id}:${o.stage ?? 1}`,
      subject: subject(appNameOf(brand), t(`invoice.${kind}.subject`, values)),
      text: t(`invoice.${kind}.body`, values),
      senderName: brand?.displayName,
      payload: { invoiceId: inv.id, number: inv.number },
      attachments: [{ filename: `${inv.number}.pdf`, content: pdf, contentType: 'application/pdf' }],
  });
  if (result.status === 'sent' && kind === 'issued') await db.update(invoices).set({ emailedAt: o.now ?? new Date() }).where(eq(invoices.id, inv.id));
  return result;
}
