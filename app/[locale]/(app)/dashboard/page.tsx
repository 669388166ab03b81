import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Donut } from '@/components/charts/donut';
import { HorizontalBars } from '@/components/charts/horizontal-bars';
import { Card, StatCard } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { fleetByModel, fleetSummary } from '@/db/queries/hosting/fleet';
import { requirePage } from '@/lib/auth/guard';
import { getHostBrand } from '@/lib/brands/host-brand';
import { formatHashrate, formatNumber, formatPower } from '@/lib/format';
import { pageTitle } from '@/lib/i18n/page-title';

export const generateMetadata = pageTitle('dashboard');

export default async function DashboardPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requirePage(locale, 'basic:dashboard');
  const db = await getDb();
  const [summary, byModel, host, t, tRoles, tStatus] = await Promise.all([
    fleetSummary(db, actor.scope),
    fleetByModel(db, actor.scope),
    getHostBrand(),
    getTranslations('Dashboard'),
    getTranslations('Roles'),
    getTranslations('Status'),
  ]);
  const n = (v: number) => formatNumber(v, locale);

  return (
    <>
      {/* On a brand's host the brand stands where the hosting company's own name would. */}
      <PageHeader title={t('welcome', { name: actor.name })} subtitle={t('subtitle', { org: host.kind === 'brand' ? host.brand.displayName : actor.orgName, role: tRoles(actor.role) })} />
      {actor.role === 'GUEST' ? <p className="mb-6 rounded-md border border-line bg-surface p-3 text-sm text-muted">{t('guestNote')}</p> : null}
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <StatCard label={t('totalMiners')} value={n(summary.total)} />
        <StatCard label={t('online')} value={n(summary.active)} tone="ok" />
        <StatCard label={t('offline')} value={n(summary.offline)} tone={summary.offline ? 'bad' : undefined} />
        <StatCard label={t('maintenance')} value={n(summary.maintenance)} tone={summary.maintenance ? 'warn' : undefined} />
        <StatCard label={t('nominalHashrate')} value={formatHashrate(summary.nominalThs, locale)} />
        <StatCard label={t('nominalPower')} value={formatPower(summary.nominalKw * 1000, locale)} />
        <StatCard label={t('sites')} value={n(summary.sites)} />
        <StatCard label={t('customers')} value={n(summary.customers)} />
      </div>
      <p className="mt-2 text-xs text-muted">{t('nominalNote')}</p>
      <div className="mt-6 grid gap-4 lg:grid-cols-2">
        <Card title={t('byStatus')}>
          <Donut
            emptyLabel={t('emptyFleet')}
            data={[
              { label: tStatus('active'), value: summary.active, color: '#34d399' },
              { label: tStatus('offline'), value: summary.offline, color: '#f87171' },
              { label: tStatus('maintenance'), value: summary.maintenance, color: '#fbbf24' },
            ]}
          />
        </Card>
        <Card title={t('byModel')}>
          <HorizontalBars emptyLabel={t('emptyFleet')} data={byModel.map((r) => ({ label: r.model, value: r.count }))} />
        </Card>
      </div>
    </>
  );
}
