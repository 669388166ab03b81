import { getTranslations } from 'next-intl/server';
import { ListCard } from '@/components/list/list-card';
import { ListTable } from '@/components/list/list-table';
import { Badge } from '@/components/ui/badge';
import { buttonClass } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { listBrands } from '@/db/queries/hosting/brands';
import { can } from '@/lib/auth/permissions';
import { isOrgWide } from '@/lib/core/scope';
import { Link } from '@/lib/i18n/navigation';
import { pageTitle } from '@/lib/i18n/page-title';
import { pagedListSchema } from '@/lib/list/list-fields';
import { type ListPageProps, openListPage } from '@/lib/list/open-list-page';

export const generateMetadata = pageTitle('brands');

export default async function BrandsPage(props: ListPageProps) {
  const { actor, q, query } = await openListPage(props, 'crm:customer_management', pagedListSchema(25));
  const [list, t] = await Promise.all([listBrands(await getDb(), actor.orgId, q), getTranslations('Brands')]);
  const canEdit = can(actor.role, 'crm:customer_management', 'FULL') && isOrgWide(actor.scope);
  const newButton = canEdit ? (
    <Link href="/hosting/brands/new" className={buttonClass()}>
      {t('new')}
    </Link>
  ) : null;
  const state = (b: { enabled: boolean }) => (b.enabled ? <Badge tone="ok">{t('enabledBadge')}</Badge> : <Badge>{t('disabledBadge')}</Badge>);
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} actions={newButton} />
      <ListTable
        pathname="/hosting/brands"
        query={query}
        page={list}
        empty={{ title: t('empty'), hint: t('emptyHint'), action: newButton }}
        label={t('title')}
        rowKey={(b) => b.id}
        columns={[
          {
            key: 'name',
            header: t('displayName'),
            cell: (b) => (
              <Link href={`/hosting/brands/${b.id}`} className="text-accent hover:underline">
                {b.displayName}
              </Link>
            ),
          },
          { key: 'subdomain', header: t('subdomain'), cellClassName: 'font-mono text-xs', cell: (b) => b.subdomain },
          { key: 'colours', header: t('colours'), cell: (b) => <Swatches primary={b.primaryColor} accent={b.accentColor} /> },
          { key: 'customers', header: t('customers'), figure: true, cell: (b) => b.customers },
          { key: 'state', header: t('state'), cell: state },
        ]}
        card={(b) => (
          <ListCard href={`/hosting/brands/${b.id}`} title={b.displayName} badge={state(b)}>
            <div className="mt-1 flex items-center justify-between gap-2 text-xs text-muted">
              <span className="flex items-center gap-2 font-mono">
                <Swatches primary={b.primaryColor} accent={b.accentColor} />
                {b.subdomain}
              </span>
              <span>{t('customerCount', { count: b.customers })}</span>
            </div>
          </ListCard>
        )}
      />
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
