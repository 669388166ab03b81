import { getDb } from '@/db';
import { getInvoice } from '@/db/queries/billing/invoices';
import { withActor } from '@/lib/api/with-actor';
import { invoicePdfExtras } from '@/lib/billing/invoice-extras';
import { renderInvoicePdf } from '@/lib/billing/invoice-pdf';
import { isLocale } from '@/lib/i18n/routing';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** GET /api/crm/invoices/{id}/pdf[?locale=en|zh]: the invoice as a PDF, in the customer's language unless asked (a client: its own only). */
export const GET = withActor<{ id: string }>({ module: 'crm:invoice', level: 'READ' }, async (req, { actor, params }) => {
  const db = await getDb();
  const inv = await getInvoice(db, actor.scope, params.id);
  const asked = new URL(req.url).searchParams.get('locale');
  const locale = asked && isLocale(asked) ? asked : isLocale(inv.locale) ? inv.locale : 'en';
  const pdf = await renderInvoicePdf(inv, locale, await invoicePdfExtras(db, actor.scope, inv.customerId));
  const name = `${inv.number ?? 'draft'}.pdf`;
  return new Response(new Uint8Array(pdf), { headers: { 'content-type': 'application/pdf', 'content-disposition': `inline; filename="${name}"`, 'cache-control': 'private, no-store' } });
});
