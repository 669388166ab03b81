import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ACCENT } from '@/components/charts/colors';
import { Freshness } from '@/components/market/freshness';
import { PersonalFigures } from '@/components/market/personal-figures';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { getMiningSettings } from '@/db/queries/alerts/mining-settings';
import { requirePage } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { formatDate, formatDifficulty, formatHashrate, formatUsd, thsFromHs } from '@/lib/format';
import { pageTitle } from '@/lib/i18n/page-title';
import { getCurrentNetwork } from '@/lib/integrations/market/current';
import { loadNetworkAnalytics, RANGES, type Range } from '@/lib/integrations/market/analytics';
import { Indicators } from './_components/indicators';
import { RangeTabs } from './_components/range-tabs';
import { SeriesChart } from './_components/series-chart';
import { Trend } from './_components/trend';

export const generateMetadata = pageTitle('analytics');

export default async function NetworkAnalyticsPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<{ range?: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requirePage(locale, 'analytics:network');
  const asked = (await searchParams).range;
  const range: Range = RANGES.includes(asked as Range) ? (asked as Range) : '30d';
  const db = await getDb();
  // Personal figures are per user and edited under settings, so they show only to roles that have settings.
  const personal = can(actor.role, 'basic:settings', 'READ');
  const [a, t, settings, network] = await Promise.all([
    loadNetworkAnalytics(db, range),
    getTranslations('Analytics'),
    personal ? getMiningSettings(db, { orgId: actor.orgId, userId: actor.userId }) : null,
    personal ? getCurrentNetwork() : null,
  ]);
  const m = a.metrics;
  const daily = a.resolution.kind === 'daily';
  const empty = range === '24h' || a.resolution.kind === 'snapshots' ? t('emptySnapshots') : t('emptyDaily');
  const resolution = a.resolution.kind === 'snapshots' ? t('resolutionSnapshots', { minutes: a.resolution.minutes }) : a.resolution.last ? t('resolutionDaily', { last: formatDate(a.resolution.last, locale) }) : t('coverageNone');
  const charts = [
    { key: 'price', title: t('chartPrice'), now: formatUsd(m.btcPriceUsd, locale, 0), color: ACCENT, digits: 0, avg: a.averages.price, good: true, f: (v: number) => formatUsd(v, locale, 0) },
    { key: 'difficultyT', title: t('chartDifficulty'), now: formatDifficulty(m.difficulty, locale), color: '#4fc3f7', digits: 2, avg: a.averages.difficulty, good: false, f: (v: number) => formatDifficulty(v, locale) },
    { key: 'hashrateEh', title: t('chartHashrate'), now: formatHashrate(thsFromHs(m.networkHashrateHs), locale), color: '#81c784', digits: 1, avg: a.averages.hashrate, good: false, f: (v: number) => formatHashrate(thsFromHs(v), locale) },
    { key: 'hashpriceUsd', title: t('chartHashprice'), now: formatUsd(m.hashprice.usdPerPhDay, locale), color: '#ba68c8', digits: 2, avg: a.averages.hashprice, good: true, f: (v: number) => formatUsd(v, locale) },
  ];
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} actions={<RangeTabs current={range} />} />
      <div className="mb-4 flex flex-wrap items-center gap-2 text-xs text-muted">
        <Freshness snapshot={m} locale={locale} />
        <span>{resolution}</span>
      </div>
      {network ? (
        <div className="mb-4">
          <PersonalFigures settings={settings} network={network} editHref="/settings/mining" />
        </div>
      ) : null}
      <div className="grid gap-4 lg:grid-cols-2">
        {charts.map((c) => (
          <Card key={c.key} title={c.title}>
            <div className="mb-1 flex items-baseline justify-between gap-2">
              <span className="text-xs text-muted">{t('now')}</span>
              <span className="text-lg font-semibold tabular-nums" data-testid={`now-${c.key}`}>
                {c.now}
              </span>
            </div>
            <Trend avg7={c.avg.avg7} avg30={c.avg.avg30} higherIsGood={c.good} format={c.f} />
            <SeriesChart data={a.points} dataKey={c.key} color={c.color} emptyLabel={empty} locale={locale} digits={c.digits} daily={daily} />
          </Card>
        ))}
      </div>
      <Indicators a={a} locale={locale} />
    </>
  );
}
