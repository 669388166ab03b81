import { getTranslations, setRequestLocale } from 'next-intl/server';
import { DataTable } from '@/components/list/data-table';
import { formatPlanRate } from '@/components/billing/plan-price';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { audienceOptions } from '@/db/queries/crm/announcements';
import { listHostingPlans } from '@/db/queries/crm/hosting-plans';
import { requirePage } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { formatNumber } from '@/lib/format';
import { pageTitle } from '@/lib/i18n/page-title';
import { DeletePlan } from './_components/delete-plan';
import { PlanDialog } from './_components/plan-dialog';

export const generateMetadata = pageTitle('hostingPlans');

/** The public price list: plans per site, priced as contracts are, published on the brands' landing pages. */
export default async function HostingPlansPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requirePage(locale, 'crm:customer_view');
  const db = await getDb();
  const canWrite = can(actor.role, 'crm:customer_management', 'FULL');
  const [plans, audience, t] = await Promise.all([listHostingPlans(db, actor.scope), canWrite ? audienceOptions(db, actor.orgId) : Promise.resolve(null), getTranslations('Crm.plans')]);
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} actions={audience ? <PlanDialog sites={audience.sites} brands={audience.brands} /> : null} />
      <Card>
        {plans.length === 0 ? (
          <EmptyState title={t('empty')} hint={canWrite ? t('emptyHint') : undefined} />
        ) : (
          <DataTable
            label={t('title')}
            rows={plans}
            rowKey={(p) => p.id}
            card={(p) => (
              <div className="flex flex-col gap-1 rounded-lg border border-line bg-surface p-3 text-sm">
                <div className="flex items-center justify-between gap-2">
                  <span className="font-medium">{p.name}</span>
                  {p.published ? <Badge tone="ok">{t('publishedBadge')}</Badge> : <Badge>{t('hiddenBadge')}</Badge>}
                </div>
                <span className="text-xs text-muted">
                  {p.site} · {formatPlanRate(p.pricing, p.rate, locale)} {t(`unitOf.${p.pricing}`)}
                </span>
                {canWrite ? <DeletePlan id={p.id} name={p.name} /> : null}
              </div>
            )}
            columns={[
              { key: 'name', header: t('name'), cell: (p) => p.name },
              { key: 'site', header: t('site'), cell: (p) => p.site },
              { key: 'price', header: t('price'), figure: true, cell: (p) => `${formatPlanRate(p.pricing, p.rate, locale)} ${t(`unitOf.${p.pricing}`)}` },
              { key: 'term', header: t('minTerm'), figure: true, cell: (p) => formatNumber(p.minTermMonths, locale) },
              { key: 'brand', header: t('brand'), cell: (p) => p.brand ?? t('allBrands') },
              { key: 'state', header: t('state'), cell: (p) => (p.published ? <Badge tone="ok">{t('publishedBadge')}</Badge> : <Badge>{t('hiddenBadge')}</Badge>) },
              canWrite && { key: 'actions', header: '', cell: (p) => <DeletePlan id={p.id} name={p.name} /> },
            ]}
          />
        )}
      </Card>
    </>
  );
}
