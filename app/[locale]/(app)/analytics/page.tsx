import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ACCENT } from '@/components/charts/colors';
import { Freshness } from '@/components/market/freshness';
import { PersonalFigures } from '@/components/market/personal-figures';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { isOrgWide } from '@/lib/core/scope';
import { getMiningSettings } from '@/db/queries/alerts/mining-settings';
import { orgFleetPerDay } from '@/db/queries/hosting/fleet-per-day';
import { requirePage } from '@/lib/auth/guard';
import { can, seesHostCosts } from '@/lib/auth/permissions';
import { formatBtc, formatDate, formatDifficulty, formatHashrate, formatNumber, formatUsd, thsFromHs } from '@/lib/format';
import { pageTitle } from '@/lib/i18n/page-title';
import { freshness } from '@/lib/domain/market/freshness';
import { getCurrentNetwork } from '@/lib/integrations/market/current';
import { type ChartPoint, loadNetworkAnalytics, RANGES, type Range } from '@/lib/integrations/market/analytics';
import { AboutData } from './_components/about-data';
import { type Fleet, FleetTabs } from './_components/fleet-tabs';
import { OrgFleetFigures } from './_components/org-fleet-figures';
import { Indicators } from './_components/indicators';
import { RangeTabs } from './_components/range-tabs';
import { type ChartSeries, SeriesChart } from './_components/series-chart';
import { Trend } from './_components/trend';

export const generateMetadata = pageTitle('analytics');

type Key = Exclude<keyof ChartPoint, 't'>;

/** Chart values carry 6 significant digits: more than a chart or its tooltip shows, and less page weight. */
const round = (v: number | null) => (v === null ? null : Number(v.toPrecision(6)));

/**
 * One chart's values as a plain array beside the shared times (React sends the shared array once,
 * so 17 years of weekly points for six charts stay small), and the span from its first value to
 * its last.
 */
function seriesOf(points: ChartPoint[], a: Key, b?: Key): ChartSeries {
  const va = points.map((p) => round(p[a]));
  const vb = b ? points.map((p) => round(p[b])) : undefined;
  const has = (i: number) => va[i] !== null || (vb?.[i] ?? null) !== null;
  const idx = points.map((_, i) => i).filter(has);
  return { a: va, ...(vb ? { b: vb } : {}), from: idx[0] ?? 0, to: idx.length ? idx.at(-1)! + 1 : 0 };
}

export default async function NetworkAnalyticsPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<{ range?: string; fleet?: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requirePage(locale, 'analytics:network');
  const sp = await searchParams;
  const range: Range = RANGES.includes(sp.range as Range) ? (sp.range as Range) : '30d';
  const db = await getDb();
  // "Fleet per day" is the organization's measured fleet (the miners in the viewer's scope, as on the
  // KPI page) by default; the personal fleet typed under settings stays an option for roles with settings.
  const fleets = [...(can(actor.role, 'hosting:status_monitor', 'READ') ? (['org'] as const) : []), ...(can(actor.role, 'basic:settings', 'READ') ? (['personal'] as const) : [])] as Fleet[];
  const fleet: Fleet | null = fleets.includes(sp.fleet as Fleet) ? (sp.fleet as Fleet) : (fleets[0] ?? null);
  const [a, t, settings, network] = await Promise.all([
    loadNetworkAnalytics(db, range),
    getTranslations('Analytics'),
    fleet === 'personal' ? getMiningSettings(db, { orgId: actor.orgId, userId: actor.userId }) : null,
    fleet ? getCurrentNetwork() : null,
  ]);
  const orgFleet = fleet === 'org' && network ? await orgFleetPerDay(db, actor.scope, { hostCosts: seesHostCosts(actor.role) }, network) : null;
  const m = a.metrics;
  const current = freshness(m.asOf, new Date()).current;
  const r = a.resolution;
  const grain = r.kind === 'snapshots' ? 'minute' : r.kind === 'weekly' ? 'month' : 'day';
  const log = range === 'all';
  const empty = r.kind === 'snapshots' || range === '24h' ? t('emptySnapshots') : t('emptyDaily');
  const resolution =
    r.kind === 'snapshots'
      ? t('resolutionSnapshots', { minutes: r.minutes })
      : r.last
        ? t(r.kind === 'weekly' ? 'resolutionWeekly' : 'resolutionDaily', { last: formatDate(r.last, locale) })
        : t('coverageNone');
  const halvings = a.halvings.map((h) => ({ t: h.t, label: t('halving', { height: formatNumber(h.height, locale) }) }));
  const ts = a.points.map((p) => p.t);
  const usd0 = (v: number) => formatUsd(v, locale, 0);
  const usd = (v: number) => formatUsd(v, locale);
  const btc = (v: number) => formatBtc(v, locale);
  const charts = [
    { key: 'price', title: t('chartPrice'), data: seriesOf(a.points, 'price'), unit: 'usd', now: usd0(m.btcPriceUsd), avg: a.averages.price, good: true, f: usd0, color: ACCENT },
    { key: 'difficulty', title: t('chartDifficulty'), data: seriesOf(a.points, 'difficulty'), unit: 'difficulty', log, step: true, now: formatDifficulty(m.difficulty, locale), avg: a.averages.difficulty, good: false, f: (v: number) => formatDifficulty(v, locale), color: '#4fc3f7' },
    {
      key: 'hashrate',
      title: t('chartHashrate'),
      data: seriesOf(a.points, 'hashrateThs', 'hashrateEpochThs'),
      names: { a: t('hashrate7d'), b: t('hashrateEpoch') },
      unit: 'hashrateThs',
      log,
      now: formatHashrate(thsFromHs(m.networkHashrateHs), locale),
      avg: a.averages.hashrate,
      good: false,
      f: (v: number) => formatHashrate(thsFromHs(v), locale),
      color: '#81c784',
    },
    { key: 'fees', title: t(r.kind === 'weekly' ? 'chartFeesWeekly' : 'chartFees'), data: seriesOf(a.points, 'feesBtc'), unit: 'btc', now: btc(m.feesPerBlockBtc), nowLabel: t('nowPerBlock'), avg: a.averages.fees, good: true, f: btc, color: '#ffb74d' },
    { key: 'hashpriceBtc', title: t('chartHashpriceBtc'), data: seriesOf(a.points, 'hashpriceBtc'), unit: 'btc', log, now: btc(m.hashprice.btcPerPhDay), avg: a.averages.hashpriceBtc, good: true, f: btc, color: '#ba68c8', note: t('hashpriceBtcNote') },
    { key: 'hashpriceUsd', title: t('chartHashpriceUsd'), data: seriesOf(a.points, 'hashpriceUsd'), unit: 'usd', now: usd(m.hashprice.usdPerPhDay), avg: a.averages.hashpriceUsd, good: true, f: usd, color: '#ce93d8', note: t('hashpriceUsdNote') },
  ] as const;
  const unitName = r.kind === 'weekly' ? t('weeks') : r.kind === 'snapshots' ? t('bins') : t('days');
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} actions={<RangeTabs pathname="/analytics" namespace="Analytics" ranges={RANGES} current={range} query={fleet ? { fleet } : undefined} />} />
      <div className="mb-4 flex flex-wrap items-center gap-2 text-xs text-muted">
        <Freshness snapshot={m} locale={locale} />
        <span data-testid="resolution">{resolution}</span>
        {log ? <span>· {t('logScale')}</span> : null}
      </div>
      {network && fleet ? (
        <div className="mb-4">
          <FleetTabs current={fleet} range={range} fleets={fleets} />
          {fleet === 'org' && orgFleet ? (
            <OrgFleetFigures fleet={orgFleet.fleet} figures={orgFleet.figures} network={network} orgWide={isOrgWide(actor.scope)} />
          ) : (
            <PersonalFigures settings={settings} network={network} editHref="/settings/mining" />
          )}
        </div>
      ) : null}
      <div className="grid gap-4 lg:grid-cols-2">
        {charts.map((c) => {
          const missing = c.data.a.slice(c.data.from, c.data.to).filter((v) => v === null).length;
          const span = c.data.to - c.data.from;
          return (
            <Card key={c.key} title={c.title}>
              {c.now ? (
                <div className="mb-1 flex items-baseline justify-between gap-2">
                  <span className="text-xs text-muted">{'nowLabel' in c ? c.nowLabel : t(current ? 'now' : 'latest')}</span>
                  <span className="text-lg font-semibold tabular-nums" data-testid={`now-${c.key}`}>
                    {c.now}
                  </span>
                </div>
              ) : null}
              <Trend avg7={c.avg.avg7} avg30={c.avg.avg30} higherIsGood={c.good} format={c.f} />
              <div data-testid={`chart-${c.key}`}>
                <SeriesChart ts={ts} series={c.data} unit={c.unit} log={'log' in c ? c.log : false} step={'step' in c} names={'names' in c ? c.names : undefined} color={c.color} halvings={halvings} emptyLabel={empty} locale={locale} grain={grain} />
              </div>
              {span > 0 ? (
                <p className="mt-1 text-xs text-muted" data-testid={`held-${c.key}`}>
                  {t('held', { first: formatDate(ts[c.data.from]!, locale), last: formatDate(ts[c.data.to - 1]!, locale) })}
                  {missing > 0 ? ` · ${t('gaps', { missing, total: span, unit: unitName })}` : ''}
                </p>
              ) : null}
              {'note' in c ? <p className="mt-1 text-xs text-muted">{c.note}</p> : null}
            </Card>
          );
        })}
      </div>
      <Indicators a={a} locale={locale} />
      <AboutData />
    </>
  );
}
