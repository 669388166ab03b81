import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Donut } from '@/components/charts/donut';
import { HorizontalBars } from '@/components/charts/horizontal-bars';
import { Card, StatCard } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { HashrateSources, PowerSources } from '@/components/telemetry/figure-sources';
import { getDb } from '@/db';
import { fleetByModel, fleetSummary } from '@/db/queries/hosting/fleet';
import { requirePage } from '@/lib/auth/guard';
import { seesHostCosts } from '@/lib/auth/permissions';
import { Link } from '@/lib/i18n/navigation';
import { PortalInvoices } from '../portal/_components/portal-invoices';
import { Portfolio } from './_components/portfolio';
import { StaffWork } from './_components/staff-work';
import { getHostBrand } from '@/lib/brands/host-brand';
import { formatHashrate, formatNumber, formatPercent, formatPower } from '@/lib/format';
import { pageTitle } from '@/lib/i18n/page-title';

export const generateMetadata = pageTitle('dashboard');

/**
 * Everyone's fleet at a glance, then what the role works on: owners and admins their portfolio
 * (revenue, cost, margin per site) and the floor's work; a site owner its sites and their work; an
 * operator alerts, tickets and today's curtailments; a client its invoices and balance, with the
 * portal one click away for earnings against pool credits.
 */
export default async function DashboardPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requirePage(locale, 'basic:dashboard');
  const db = await getDb();
  const [summary, byModel, host, t, tRoles, tState, tFleet] = await Promise.all([
    fleetSummary(db, actor.scope),
    fleetByModel(db, actor.scope),
    getHostBrand(),
    getTranslations('Dashboard'),
    getTranslations('Roles'),
    getTranslations('Measured'),
    getTranslations('Fleet'),
  ]);
  const n = (v: number) => formatNumber(v, locale);
  const now = new Date();
  const staff = actor.role === 'OWNER' || actor.role === 'ADMIN' || actor.role === 'MINING_SITE_OWNER' || actor.role === 'OPERATOR';

  return (
    <>
      {/* On a brand's host the brand stands where the hosting company's own name would. */}
      <PageHeader title={t('welcome', { name: actor.name })} subtitle={t('subtitle', { org: host.kind === 'brand' ? host.brand.displayName : actor.orgName, role: tRoles(actor.role) })} />
      {actor.role === 'GUEST' ? <p className="mb-6 rounded-md border border-line bg-surface p-3 text-sm text-muted">{t('guestNote')}</p> : null}
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <StatCard label={tFleet('minersInService')} value={n(summary.total)} hint={tFleet('soldRule')} />
        <StatCard label={t('online')} value={n(summary.active)} tone="ok" hint={t('share', { pct: formatPercent(summary.total ? (100 * summary.active) / summary.total : null, locale) })} />
        <StatCard label={t('offline')} value={n(summary.offline)} tone={summary.offline ? 'bad' : undefined} hint={t('notMeasured', { sleeping: n(summary.sleeping), unknown: n(summary.unknown) })} />
        <StatCard label={t('maintenance')} value={n(summary.maintenance)} tone={summary.maintenance ? 'warn' : undefined} />
        <StatCard label={t('hashrate')} value={formatHashrate(summary.activeThs, locale)} hint={<HashrateSources figures={summary} />} />
        <StatCard label={t('power')} value={formatPower(summary.activeKw * 1000, locale)} hint={<PowerSources figures={summary} />} />
        <StatCard label={t('sites')} value={n(summary.sites)} />
        <StatCard label={t('customers')} value={n(summary.customers)} />
      </div>
      <p className="mt-2 text-xs text-muted">{t('measuredNote')}</p>
      <div className="mt-6 grid gap-4 lg:grid-cols-2">
        <Card title={t('byStatus')}>
          <Donut
            emptyLabel={t('emptyFleet')}
            data={[
              { label: tState('state.online'), value: summary.active, color: '#34d399' },
              { label: tState('state.offline'), value: summary.offline, color: '#f87171' },
              { label: tState('state.sleeping'), value: summary.sleeping, color: '#94a3b8' },
              { label: tState('state.unknown'), value: summary.unknown, color: '#64748b' },
            ]}
          />
        </Card>
        <Card title={t('byModel')}>
          <HorizontalBars emptyLabel={t('emptyFleet')} data={byModel.map((r) => ({ label: r.model, value: r.count }))} />
        </Card>
      </div>
      {actor.role === 'OWNER' || actor.role === 'ADMIN' || actor.role === 'MINING_SITE_OWNER' ? <Portfolio scope={actor.scope} locale={locale} hostCosts={seesHostCosts(actor.role)} now={now} /> : null}
      {staff ? <StaffWork scope={actor.scope} locale={locale} now={now} /> : null}
      {actor.role === 'CLIENT' ? (
        <>
          <PortalInvoices scope={actor.scope} locale={locale} />
          <p className="mt-4 text-sm">
            <Link href="/portal" className="text-accent hover:underline">
              {t('toPortal')}
            </Link>
          </p>
        </>
      ) : null}
    </>
  );
}
