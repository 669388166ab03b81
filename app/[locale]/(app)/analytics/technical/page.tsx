import { getTranslations, setRequestLocale } from 'next-intl/server';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { requirePage } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { formatDate, formatNumber, formatUsd } from '@/lib/format';
import { pageTitle } from '@/lib/i18n/page-title';
import { loadIntelView } from '@/lib/integrations/market-intel/load';
import { loadTechnical, TECHNICAL_RANGES, type TechnicalRange } from '@/lib/integrations/market/technical';
import { IntelSummary } from '../_components/intel-summary';
import { RangeTabs } from '../_components/range-tabs';
import { SignalSummary } from './_components/signal-summary';
import { TechnicalCharts } from './_components/technical-charts';

export const generateMetadata = pageTitle('technical');

export default async function TechnicalAnalysisPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<{ range?: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requirePage(locale, 'analytics:technical');
  const sp = await searchParams;
  const range: TechnicalRange = TECHNICAL_RANGES.includes(sp.range as TechnicalRange) ? (sp.range as TechnicalRange) : '1y';
  const db = await getDb();
  // Guests read the price analysis but not the derivatives figures (analytics:market_intel).
  const [data, intel, t] = await Promise.all([loadTechnical(db, range), can(actor.role, 'analytics:market_intel') ? loadIntelView(db) : null, getTranslations('Technical')]);
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} actions={<RangeTabs pathname="/analytics/technical" namespace="Technical" ranges={TECHNICAL_RANGES} current={range} />} />
      {data.held && data.last ? (
        <>
          <p className="mb-3 text-xs text-muted" data-testid="technical-source">
            {t('source', { first: formatDate(data.held.first, locale), last: formatDate(data.held.last, locale), bars: formatNumber(data.held.bars, locale), close: formatUsd(data.last.close, locale, 0) })}{' '}
            {t('sourceParts', { bundled: formatNumber(data.held.bundled, locale), snapshots: formatNumber(data.held.snapshots, locale), other: formatNumber(data.held.bars - data.held.bundled - data.held.snapshots, locale) })}
          </p>
          <div className="grid gap-4 xl:grid-cols-[1fr_22rem]">
            <TechnicalCharts data={data} locale={locale} />
            <div>
              <SignalSummary data={data} locale={locale} />
              <p className="mt-3 text-xs text-muted">{t('method')}</p>
              {intel ? (
                <div className="mt-4">
                  <IntelSummary view={intel.view} locale={locale} />
                </div>
              ) : null}
            </div>
          </div>
        </>
      ) : (
        <EmptyState title={t('empty')} hint={t('emptyHint')} />
      )}
    </>
  );
}
