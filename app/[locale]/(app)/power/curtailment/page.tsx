import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { listCurtailmentEvents } from '@/db/queries/power/curtailment-events';
import { listSiteOptions } from '@/db/queries/hosting/sites';
import { requirePage } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { CURTAIL_STRATEGIES } from '@/lib/domain/power/curtailment/types';
import { pageTitle } from '@/lib/i18n/page-title';
import { EventsTable } from './_components/events-table';
import { LiveRefresh } from './_components/live-refresh';
import { StartCurtailmentForm } from './_components/start-form';
import { CurtailmentTabs } from './_components/tabs';

export const generateMetadata = pageTitle('curtailment');

/**
 * Curtailment for operators: run one now on a site (strategy, kW target, stagger, window), watch its
 * waves, verification and recovery, and the history with requested vs achieved kW and what each
 * saved at the tariff and hashprice of its hours. Host costs appear here, so clients have no access.
 */
export default async function CurtailmentPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requirePage(locale, 'curtailment:execute');
  const db = await getDb();
  const [events, sites, t] = await Promise.all([listCurtailmentEvents(db, actor.scope, {}), listSiteOptions(db, actor.scope), getTranslations('Curtailment')]);
  const running = events.some((e) => e.status !== 'completed');
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <CurtailmentTabs active="run" />
      {can(actor.role, 'curtailment:execute', 'FULL') ? (
        <Card title={t('runNow')} className="mb-6">
          {sites.length ? <StartCurtailmentForm sites={sites} strategies={[...CURTAIL_STRATEGIES]} /> : <p className="text-sm text-muted">{t('noSites')}</p>}
        </Card>
      ) : null}
      <LiveRefresh active={running} />
      <EventsTable events={events} sites={sites} locale={locale} canStop={can(actor.role, 'curtailment:execute', 'FULL')} />
    </>
  );
}
