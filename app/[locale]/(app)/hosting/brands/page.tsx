import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { buttonClass } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination } from '@/components/ui/pagination';
import { Table, Td, Th } from '@/components/ui/table';
import { getDb } from '@/db';
import { listBrands } from '@/db/queries/brands';
import { requirePage } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { Link } from '@/lib/i18n/navigation';

export const metadata: Metadata = { title: 'Brands' };

export default async function BrandsPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<{ page?: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requirePage(locale, 'crm:customer_management');
  const page = Math.min(100_000, Math.max(1, Number.parseInt((await searchParams).page ?? '1', 10) || 1));
  const [list, t] = await Promise.all([listBrands(await getDb(), actor.orgId, { page, pageSize: 25 }), getTranslations('Brands')]);
  const canEdit = can(actor.role, 'crm:customer_management', 'FULL');
  const newButton = canEdit ? (
    <Link href="/hosting/brands/new" className={buttonClass()}>
      {t('new')}
    </Link>
  ) : null;
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} actions={newButton} />
      {list.total === 0 ? (
        <EmptyState title={t('empty')} hint={t('emptyHint')} action={newButton} />
      ) : (
        <>
          <Table label={t('title')}>
            <thead>
              <tr>
                <Th>{t('displayName')}</Th>
                <Th>{t('subdomain')}</Th>
                <Th>{t('colours')}</Th>
                <Th className="text-right">{t('customers')}</Th>
                <Th>{t('state')}</Th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((b) => (
                <tr key={b.id}>
                  <Td>
                    <Link href={`/hosting/brands/${b.id}`} className="text-accent hover:underline">
                      {b.displayName}
                    </Link>
                  </Td>
                  <Td className="font-mono text-xs">{b.subdomain}</Td>
                  <Td>
                    <span className="flex gap-1" aria-label={`${b.primaryColor} ${b.accentColor}`}>
                      <span className="h-4 w-4 rounded border border-line" style={{ background: b.primaryColor }} />
                      <span className="h-4 w-4 rounded border border-line" style={{ background: b.accentColor }} />
                    </span>
                  </Td>
                  <Td className="text-right tabular-nums">{b.customers}</Td>
                  <Td>{b.enabled ? <Badge tone="ok">{t('enabledBadge')}</Badge> : <Badge>{t('disabledBadge')}</Badge>}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
          <Pagination pathname="/hosting/brands" query={{}} page={list.page} pageCount={list.pageCount} total={list.total} />
        </>
      )}
    </>
  );
}
