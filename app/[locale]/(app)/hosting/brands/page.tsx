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
import { isOrgWide } from '@/lib/auth/scope';
import { Link } from '@/lib/i18n/navigation';

export const metadata: Metadata = { title: 'Brands' };

export default async function BrandsPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<{ page?: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requirePage(locale, 'crm:customer_management');
  const page = Math.min(100_000, Math.max(1, Number.parseInt((await searchParams).page ?? '1', 10) || 1));
  const [list, t] = await Promise.all([listBrands(await getDb(), actor.orgId, { page, pageSize: 25 }), getTranslations('Brands')]);
  const canEdit = can(actor.role, 'crm:customer_management', 'FULL') && isOrgWide(actor.scope);
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
          <ul className="flex flex-col gap-2 md:hidden" aria-label={t('title')}>
            {list.rows.map((b) => (
              <li key={b.id}>
                <Link href={`/hosting/brands/${b.id}`} className="block rounded-lg border border-line bg-surface p-3 active:bg-surface-2">
                  <div className="flex items-center justify-between gap-2">
                    <span className="truncate text-accent">{b.displayName}</span>
                    {b.enabled ? <Badge tone="ok">{t('enabledBadge')}</Badge> : <Badge>{t('disabledBadge')}</Badge>}
                  </div>
                  <div className="mt-1 flex items-center justify-between gap-2 text-xs text-muted">
                    <span className="flex items-center gap-2 font-mono">
                      <Swatches primary={b.primaryColor} accent={b.accentColor} />
                      {b.subdomain}
                    </span>
                    <span>{t('customerCount', { count: b.customers })}</span>
                  </div>
                </Link>
              </li>
            ))}
          </ul>
          <div className="hidden md:block">
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
                    <Swatches primary={b.primaryColor} accent={b.accentColor} />
                  </Td>
                  <Td className="text-right tabular-nums">{b.customers}</Td>
                  <Td>{b.enabled ? <Badge tone="ok">{t('enabledBadge')}</Badge> : <Badge>{t('disabledBadge')}</Badge>}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
          </div>
          <Pagination pathname="/hosting/brands" query={{}} page={list.page} pageCount={list.pageCount} total={list.total} />
        </>
      )}
    </>
  );
}

function Swatches({ primary, accent }: { primary: string; accent: string }) {
  return (
    <span className="flex gap-1" aria-label={`${primary} ${accent}`} role="img">
      <span className="h-4 w-4 rounded border border-line" style={{ background: primary }} />
      <span className="h-4 w-4 rounded border border-line" style={{ background: accent }} />
    </span>
  );
}
