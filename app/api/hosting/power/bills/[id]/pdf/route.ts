import { getDb } from '@/db';
import { getBill } from '@/db/queries/power/bills';
import { withActor } from '@/lib/api/with-actor';
import { isLocale } from '@/lib/i18n/routing';
import { renderBillPdf } from '@/lib/power/bill-pdf';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** GET /api/hosting/power/bills/{id}/pdf[?locale=en|zh]: the bill as a PDF (a client: its own bills only). */
export const GET = withActor<{ id: string }>({ module: 'hosting:power', level: 'READ' }, async (req, { actor, params }) => {
  const bill = await getBill(await getDb(), actor.scope, params.id);
  const asked = new URL(req.url).searchParams.get('locale');
  const locale = asked && isLocale(asked) ? asked : isLocale(actor.locale) ? actor.locale : 'en';
  const pdf = await renderBillPdf(bill, locale);
  const name = `${bill.number ?? `draft-${bill.month.slice(0, 7)}`}.pdf`;
  return new Response(new Uint8Array(pdf), { headers: { 'content-type': 'application/pdf', 'content-disposition': `inline; filename="${name}"`, 'cache-control': 'private, no-store' } });
});
