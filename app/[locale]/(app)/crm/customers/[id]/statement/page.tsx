import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { Button } from '@/components/ui/button';
import { Card, StatCard } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { Table, Td, Th } from '@/components/ui/table';
import { getDb } from '@/db';
import { customerStatement } from '@/db/queries/billing/statement';
import { AppError } from '@/lib/core/errors';
import { formatDate, formatUsdFromCents } from '@/lib/format';
import { pageTitle } from '@/lib/i18n/page-title';
import { openItemPage } from '@/lib/list/open-item-page';
import { statementPeriodSchema } from '@/lib/validation/billing';

export const generateMetadata = pageTitle('statement');

/** The first of this month to today (UTC): the period a statement opens with. */
function defaultPeriod(now: Date) {
  const to = now.toISOString().slice(0, 10);
  return { from: `${to.slice(0, 7)}-01`, to };
}

/**
 * A customer's statement for a period: opening balance, every invoice, credit note, payment, credit
 * and refund with the running balance, and the closing balance (lib/domain/billing/statement.ts). A
 * CLIENT opens its own customer's; anyone else's is a 404. Positive: the customer owes.
 */
export default async function StatementPage(props: { params: Promise<{ locale: string; id: string }>; searchParams: Promise<{ from?: string; to?: string }> }) {
  const { id, locale, actor } = await openItemPage(props, 'crm:invoice');
  const raw = await props.searchParams;
  const parsed = statementPeriodSchema.safeParse({ ...defaultPeriod(new Date()), ...Object.fromEntries(Object.entries({ from: raw.from, to: raw.to }).filter(([, v]) => v)) });
  const period = parsed.success ? parsed.data : statementPeriodSchema.parse(defaultPeriod(new Date()));
  const db = await getDb();
  const st = await customerStatement(db, actor.scope, id, { from: period.fromAt, until: period.untilAt }).catch((e) => {
    if (e instanceof AppError && e.code === 'NOT_FOUND') notFound();
    throw e;
  });
  const t = await getTranslations('Billing');
  const usd = (c: number) => formatUsdFromCents(c, locale);
  const pdfHref = `/api/crm/customers/${id}/statement/pdf?from=${period.from}&to=${period.to}&locale=${locale}`;
  return (
    <>
      <PageHeader
        title={t('statement.titleOf', { name: st.customer.name })}
        subtitle={t('statement.range', { from: formatDate(period.fromAt, locale), to: formatDate(new Date(`${period.to}T00:00:00Z`), locale) })}
        actions={
          <a href={pdfHref} className="text-sm text-accent hover:underline">
            {t('pdf')}
          </a>
        }
      />
      <form method="get" className="mb-4 flex flex-wrap items-end gap-3" aria-label={t('statement.period')}>
        <label className="grid gap-1 text-sm">
          {t('statement.from')}
          <input type="date" name="from" defaultValue={period.from} className="rounded-md border border-line bg-surface px-2 py-1" />
        </label>
        <label className="grid gap-1 text-sm">
          {t('statement.to')}
          <input type="date" name="to" defaultValue={period.to} className="rounded-md border border-line bg-surface px-2 py-1" />
        </label>
        <Button type="submit" variant="secondary">
          {t('statement.show')}
        </Button>
        {!parsed.success ? <p className="text-sm text-bad">{t('statement.badPeriod')}</p> : null}
      </form>
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-4" data-testid="statement-figures">
        <StatCard label={t('statement.opening')} value={usd(st.openingCents)} />
        <StatCard label={t('statement.charges')} value={usd(st.chargesCents)} />
        <StatCard label={t('statement.credits')} value={usd(-st.creditsCents)} />
        <StatCard label={t('statement.closing')} value={usd(st.closingCents)} hint={st.closingCents < 0 ? t('statement.inCredit') : st.closingCents > 0 ? t('statement.owes') : undefined} />
      </div>
      <Card title={t('statement.movements')} className="mt-6">
        {st.movements.length === 0 ? (
          <p className="text-sm text-muted">{t('statement.none')}</p>
        ) : (
          <Table label={t('statement.movements')}>
            <thead>
              <tr>
                <Th>{t('statement.date')}</Th>
                <Th>{t('statement.movement')}</Th>
                <Th>{t('statement.reference')}</Th>
                <Th className="text-right">{t('statement.amount')}</Th>
                <Th className="text-right">{t('statement.balance')}</Th>
              </tr>
            </thead>
            <tbody>
              {st.movements.map((m, i) => (
                <tr key={i}>
                  <Td className="whitespace-nowrap">{formatDate(m.at, locale)}</Td>
                  <Td>{t(`statement.kind.${m.kind}`)}</Td>
                  <Td className="font-mono text-xs break-all">{m.reference ?? '—'}</Td>
                  <Td className="text-right tabular-nums">{usd(m.cents)}</Td>
                  <Td className="text-right tabular-nums">{usd(m.balanceCents)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
      <p className="mt-3 text-xs text-muted">{t('statement.explain')}</p>
    </>
  );
}
