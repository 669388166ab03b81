import { getDb } from '@/db';
import { withActor } from '@/lib/api/with-actor';
import { isLocale } from '@/lib/i18n/routing';
import { backtestXlsx } from '@/lib/treasury/backtest-export';
import { renderBacktestPdf } from '@/lib/treasury/backtest-pdf';
import { runTreasuryBacktest } from '@/lib/treasury/backtest-run';
import { backtestQuerySchema } from '@/lib/validation/treasury-backtest';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/**
 * `GET /api/treasury/backtest/export?format=xlsx|pdf&locale=en|zh&<the backtest form's query>`: the
 * same backtest the page shows, as a workbook or a PDF. A bad parameter is a 400 naming the field;
 * a period past the stored history a 422 naming the missing ranges.
 */
export const GET = withActor({ module: 'treasury:backtest', level: 'READ' }, async (req, { actor }) => {
  const sp = new URL(req.url).searchParams;
  const raw: Record<string, string | string[]> = {};
  for (const key of new Set(sp.keys())) if (key !== 'format' && key !== 'locale') raw[key] = key === 't' || key === 'n' ? sp.getAll(key) : sp.get(key)!;
  const query = backtestQuerySchema.parse(raw);
  const asked = sp.get('locale');
  const locale = asked && isLocale(asked) ? asked : isLocale(actor.locale) ? actor.locale : 'en';
  const result = await runTreasuryBacktest(await getDb(), actor.scope, query);
  const name = `backtest-${query.from}-${query.to}`;
  if (sp.get('format') === 'pdf') {
    const pdf = await renderBacktestPdf(result, locale);
    return new Response(new Uint8Array(pdf), { headers: { 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="${name}.pdf"`, 'cache-control': 'private, no-store' } });
  }
  return new Response(await backtestXlsx(result, locale), {
    headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'content-disposition': `attachment; filename="${name}.xlsx"`, 'cache-control': 'private, no-store' },
  });
});
