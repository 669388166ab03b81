import { getDb } from '@/db';
import { withActor } from '@/lib/api/with-actor';
import { isLocale } from '@/lib/i18n/routing';
import { getCurrentNetwork } from '@/lib/integrations/market/current';
import { treasuryXlsx } from '@/lib/treasury/ledger-export';
import { renderTreasuryPdf } from '@/lib/treasury/ledger-pdf';
import { loadTreasuryReport } from '@/lib/treasury/treasury-report';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/**
 * `GET /api/treasury/export?format=xlsx|pdf&locale=en|zh&method=fifo|average`: the ledger, cost
 * basis, lots and summary the /treasury page shows, at the same market price (its as-of and source
 * written beside it). Organization-wide roles only (the queries refuse any other scope).
 */
export const GET = withActor({ module: 'treasury:ledger', level: 'READ' }, async (req, { actor }) => {
  const sp = new URL(req.url).searchParams;
  const asked = sp.get('locale');
  const locale = asked && isLocale(asked) ? asked : isLocale(actor.locale) ? actor.locale : 'en';
  const method = sp.get('method') === 'average' ? 'average' : 'fifo';
  const now = new Date();
  const report = await loadTreasuryReport(await getDb(), actor.scope, { method, now, market: await getCurrentNetwork() });
  const name = `treasury-${now.toISOString().slice(0, 10)}`;
  if (sp.get('format') === 'pdf') {
    const pdf = await renderTreasuryPdf(report, locale);
    return new Response(new Uint8Array(pdf), { headers: { 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="${name}.pdf"`, 'cache-control': 'private, no-store' } });
  }
  return new Response(await treasuryXlsx(report, locale), {
    headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'content-disposition': `attachment; filename="${name}.xlsx"`, 'cache-control': 'private, no-store' },
  });
});
