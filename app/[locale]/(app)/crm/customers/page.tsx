import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { buttonClass } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination } from '@/components/ui/pagination';
import { Table, Td, Th } from '@/components/ui/table';
import { getDb } from '@/db';
import { listCustomers } from '@/db/queries/customers';
import { requirePage } from '@/lib/auth/guard';
import { formatNumber } from '@/lib/format';
import { pageParamsSchema } from '@/lib/validation/list-params';

export const metadata: Metadata = { title: 'Customers' };

const TIER_TONE = { STANDARD: 'muted', ENTERPRISE: 'accent', VIP: 'warn' } as const;

export default async function CustomersPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string>> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requirePage(locale, 'crm:customer_view');
  const query = pageParamsSchema.parse(await searchParams);
  const [page, t, tc, tTier] = await Promise.all([
    listCustomers(await getDb(), actor.scope, { q: query.q }, query),
    getTranslations('Customers'),
    getTranslations('Common'),
    getTranslations('Tier'),
  ]);
  return (
    <>
      <PageHeader title={t('title')} />
      <form method="get" className="mb-4 flex gap-2" role="search">
        <input name="q" defaultValue={query.q} placeholder={t('searchPlaceholder')} aria-label={tc('search')} maxLength={100} className="min-w-0 flex-1 rounded-md border border-line bg-bg px-3 py-2 text-sm" />
        <button className={buttonClass('secondary')} type="submit">
          {tc('search')}
        </button>
      </form>
      {page.rows.length === 0 ? (
        <EmptyState title={t('empty')} />
      ) : (
        <>
          <Table label={t('title')}>
            <thead>
              <tr>
                <Th>{t('name')}</Th>
                <Th>{t('email')}</Th>
                <Th>{t('tier')}</Th>
                <Th className="text-right">{t('miners')}</Th>
              </tr>
            </thead>
            <tbody>
              {page.rows.map((c) => (
                <tr key={c.id}>
                  <Td>{c.name}</Td>
                  <Td className="text-xs">{c.email ?? '—'}</Td>
                  <Td>
                    <Badge tone={TIER_TONE[c.tier]}>{tTier(c.tier)}</Badge>
                  </Td>
                  <Td className="text-right tabular-nums">{formatNumber(c.miners, locale)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
          <Pagination pathname="/crm/customers" query={{ q: query.q, pageSize: String(query.pageSize) }} page={page.page} pageCount={page.pageCount} total={page.total} />
        </>
      )}
    </>
  );
}
