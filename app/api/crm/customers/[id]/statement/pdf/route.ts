import { getDb } from '@/db';
import { customerStatement } from '@/db/queries/billing/statement';
import { withActor } from '@/lib/api/with-actor';
import { brandOf } from '@/lib/billing/invoice-extras';
import { renderStatementPdf } from '@/lib/billing/statement-pdf';
import { AppError } from '@/lib/core/errors';
import { toFieldErrors } from '@/lib/core/field-errors';
import { isLocale } from '@/lib/i18n/routing';
import { statementPeriodSchema } from '@/lib/validation/billing';
import { z } from '@/lib/validation/zod';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** GET /api/crm/customers/{id}/statement/pdf?from=YYYY-MM-DD&to=YYYY-MM-DD[&locale=en|zh]: the statement as a PDF (a client: its own customer only). */
export const GET = withActor<{ id: string }>({ module: 'crm:invoice', level: 'READ' }, async (req, { actor, params }) => {
  if (!z.uuid().safeParse(params.id).success) throw new AppError('NOT_FOUND');
  const url = new URL(req.url);
  const parsed = statementPeriodSchema.safeParse({ from: url.searchParams.get('from') ?? '', to: url.searchParams.get('to') ?? '' });
  if (!parsed.success) throw new AppError('VALIDATION', 'Bad period', toFieldErrors(parsed.error));
  const db = await getDb();
  const st = await customerStatement(db, actor.scope, params.id, { from: parsed.data.fromAt, until: parsed.data.untilAt });
  const asked = url.searchParams.get('locale');
  const locale = asked && isLocale(asked) ? asked : 'en';
  const brand = await brandOf(db, st.customer.id);
  const pdf = await renderStatementPdf({ ...st, customerName: st.customer.name, from: parsed.data.from, to: parsed.data.to }, locale, { brandName: brand?.displayName, logo: brand?.logo });
  const name = `statement-${parsed.data.from}-${parsed.data.to}.pdf`;
  return new Response(new Uint8Array(pdf), { headers: { 'content-type': 'application/pdf', 'content-disposition': `inline; filename="${name}"`, 'cache-control': 'private, no-store' } });
});
