import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Table, Td, Th } from '@/components/ui/table';
import { getDb } from '@/db';
import { listSiteOptions } from '@/db/queries/hosting/sites';
import { siteCurtailmentSettingsOf } from '@/db/queries/power/curtailment-settings';
import { listSiteFeeders } from '@/db/queries/power/feeders';
import { requirePage } from '@/lib/auth/guard';
import { formatNumber, formatPercent, formatPower } from '@/lib/format';
import { Link } from '@/lib/i18n/navigation';
import { pageTitle } from '@/lib/i18n/page-title';
import { FeederDialog, FeederImportDialog } from '../_components/feeder-dialogs';
import { CurtailmentSettingsDialog } from '../_components/settings-dialog';
import { CurtailmentTabs } from '../_components/tabs';

export const generateMetadata = pageTitle('curtailmentFeeders');

/**
 * A site's feeders and PDUs with their caps, what hangs on each and what it draws now, and its
 * strategy settings (minimum on/off times, power-target levels). With feeders or levels, the Optimal
 * strategy plans through HiGHS and keeps every feeder under its cap.
 */
export default async function CurtailmentFeedersPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<{ siteId?: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requirePage(locale, 'curtailment:execute', 'FULL');
  const db = await getDb();
  const [sites, t, tc] = await Promise.all([listSiteOptions(db, actor.scope), getTranslations('CurtailmentAuto'), getTranslations('Curtailment')]);
  const { siteId: asked } = await searchParams;
  const site = sites.find((s) => s.id === asked) ?? sites[0];
  const [feeders, settings] = site ? await Promise.all([listSiteFeeders(db, actor.scope, site.id), siteCurtailmentSettingsOf(db, site.id)]) : [[], null];
  return (
    <>
      <PageHeader title={tc('title')} subtitle={t('feeders.subtitle')} />
      <CurtailmentTabs active="feeders" />
      {site ? (
        <Card title={t('feeders.title', { site: site.name })}>
          <nav aria-label={t('site')} className="mb-3 flex flex-wrap gap-2 text-sm">
            {sites.map((s) => (
              <Link key={s.id} href={{ pathname: '/power/curtailment/feeders', query: { siteId: s.id } }} aria-current={s.id === site.id ? 'page' : undefined} className={s.id === site.id ? 'font-semibold text-ink' : 'text-muted hover:text-ink'}>
                {s.name}
              </Link>
            ))}
          </nav>
          {settings ? (
            <section aria-label={t('settings.title')} className="mb-4 flex flex-wrap items-center gap-3 rounded border border-line p-3 text-sm" data-testid="curtailment-settings">
              <span>{t('settings.summary', { minOn: settings.minOnMinutes, minOff: settings.minOffMinutes })}</span>
              <span className="text-muted">{settings.powerTargetPcts.length ? t('settings.levelsSummary', { levels: settings.powerTargetPcts.map((p) => formatPercent(p, locale, { digits: 0 })).join(' · ') }) : t('settings.sleepOnly')}</span>
              <CurtailmentSettingsDialog siteId={site.id} settings={settings} />
            </section>
          ) : null}
          <div className="mb-3 flex flex-wrap gap-2">
            <FeederDialog siteId={site.id} />
            <FeederImportDialog siteId={site.id} />
          </div>
          {feeders.length ? (
            <Table label={t('feeders.title', { site: site.name })}>
              <thead>
                <tr>
                  <Th>{t('feeders.code')}</Th>
                  <Th className="text-right">{t('feeders.capKw')}</Th>
                  <Th className="text-right">{t('feeders.miners')}</Th>
                  <Th className="text-right">{t('feeders.drawNow')}</Th>
                  <Th className="text-right">{t('feeders.ofCap')}</Th>
                  <Th />
                </tr>
              </thead>
              <tbody>
                {feeders.map((f) => (
                  <tr key={f.id} data-testid="feeder">
                    <Td>{f.code}</Td>
                    <Td className="text-right tabular-nums">{formatNumber(f.capKw, locale, { digits: 1 })}</Td>
                    <Td className="text-right tabular-nums">{formatNumber(f.miners, locale)}</Td>
                    <Td className="text-right tabular-nums">{formatPower(f.drawW, locale)}</Td>
                    <Td className={`text-right tabular-nums ${f.drawW > f.capKw * 1000 ? 'text-bad' : ''}`}>{formatPercent((f.drawW / (f.capKw * 1000)) * 100, locale)}</Td>
                    <Td>
                      <FeederDialog siteId={site.id} feeder={{ code: f.code, capKw: f.capKw }} />
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          ) : (
            <EmptyState title={t('feeders.empty')} />
          )}
        </Card>
      ) : (
        <p className="text-sm text-muted">{tc('noSites')}</p>
      )}
    </>
  );
}
