import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Card, StatCard } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { listSiteOptions } from '@/db/queries/hosting/sites';
import { reconcileSite } from '@/db/queries/power/reconcile';
import { seesHostCosts } from '@/db/queries/power/read';
import { requirePage } from '@/lib/auth/guard';
import { formatEnergy, formatNumber } from '@/lib/format';
import { pageTitle } from '@/lib/i18n/page-title';
import { reconcilePageSchema } from '@/lib/validation/power';
import { forbidden } from 'next/navigation';
import { can } from '@/lib/auth/permissions';
import { BilledSection } from './_components/billed-section';
import { MeterImportDialog } from './_components/meter-import-dialog';
import { ReconcileChart } from './_components/reconcile-chart';
import { ReconcileFilter } from './_components/reconcile-filter';
import { ReconcileTable } from './_components/reconcile-table';

export const generateMetadata = pageTitle('powerReconciliation');

/**
 * A site's meters against the sum of its miners: per local day of a month (or per hour of a day),
 * overhead and PUE over the hours the site meters covered, split at the PDUs where they are metered;
 * and the month's billed energy against the metered. The host's figures: clients have no access.
 */
export default async function ReconciliationPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requirePage(locale, 'hosting:reconciliation');
  if (!seesHostCosts(actor.scope)) forbidden();
  const db = await getDb();
  const [sites, t] = await Promise.all([listSiteOptions(db, actor.scope), getTranslations('Power.Reconciliation')]);
  const q = reconcilePageSchema.parse(await searchParams);
  const siteId = sites.some((s) => s.id === q.siteId) ? q.siteId! : sites[0]?.id;
  const month = q.month ?? new Date().toISOString().slice(0, 7);
  const day = q.day?.startsWith(month) ? q.day : undefined;
  const r = siteId ? await reconcileSite(db, actor.scope, { siteId, month, day }) : null;
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      {!r ? (
        <EmptyState title={t('noSites')} />
      ) : (
        <>
          <div className="mb-4 flex flex-wrap items-end gap-3">
            <ReconcileFilter sites={sites} siteId={r.siteId} month={month} day={day} />
            {can(actor.role, 'hosting:power', 'FULL') ? <MeterImportDialog siteId={r.siteId} /> : null}
          </div>
          <div className="mb-6 grid grid-cols-2 gap-3 lg:grid-cols-4">
            <StatCard label={t('meter')} value={formatEnergy(r.total.meterWh, locale)} hint={t('meteredHours', { metered: r.total.meteredHours, hours: r.total.hours })} />
            <StatCard label={t('minersMetered')} value={r.total.meterWh === null ? '—' : formatEnergy(r.total.minersMeteredWh, locale)} hint={t('minersAll', { energy: formatEnergy(r.total.minersWh, locale) })} />
            <StatCard label={t('overhead')} value={r.total.meterWh === null ? '—' : formatEnergy(r.total.overheadWh, locale)} tone={r.total.overheadWh < 0 ? 'warn' : undefined} />
            <StatCard label={t('pue')} value={formatNumber(r.total.pue, locale, { digits: 3, fixed: true })} hint={t('pueHint')} />
          </div>
          <Card title={day ? t('byHour', { day }) : t('byDay', { month })} className="mb-6">
            {r.total.meteredHours === 0 ? (
              <EmptyState title={t('noMeter')} hint={t('noMeterHint')} />
            ) : (
              <>
                <ReconcileChart rows={r.rows} grain={day ? 'hour' : 'day'} timeZone={r.timeZone} />
                <ReconcileTable rows={r.rows} grain={day ? 'hour' : 'day'} timeZone={r.timeZone} siteId={r.siteId} month={month} locale={locale} />
              </>
            )}
          </Card>
          <Card title={t('billedTitle', { month })}>
            <BilledSection billing={r.billing} locale={locale} />
          </Card>
        </>
      )}
    </>
  );
}
