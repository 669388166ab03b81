import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { requirePage } from '@/lib/auth/guard';
import { seesHostCosts } from '@/lib/auth/permissions';
import { formatBtc, formatDate, formatNumber, formatPercent, formatUsd } from '@/lib/format';
import { pageTitle } from '@/lib/i18n/page-title';
import { ECONOMICS_RANGES, type EconomicsRange, loadEconomics, RIBBON_DAYS } from '@/lib/integrations/market/economics';
import { RangeTabs } from '../_components/range-tabs';
import { EconomicsChart } from './_components/economics-chart';

export const generateMetadata = pageTitle('economics');

const RIBBON_COLORS = ['#4fc3f7', '#4dd0e1', '#4db6ac', '#81c784', '#aed581', '#dce775', '#ffd54f', '#ffb74d'];
const MODEL_COLORS = ['#e57373', '#f06292', '#ba68c8', '#9575cd', '#7986cb'];

export default async function MinerEconomicsPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<{ range?: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requirePage(locale, 'analytics:network');
  const sp = await searchParams;
  const range: EconomicsRange = ECONOMICS_RANGES.includes(sp.range as EconomicsRange) ? (sp.range as EconomicsRange) : 'all';
  const [e, t] = await Promise.all([loadEconomics(await getDb(), actor.scope, range, { hostCosts: seesHostCosts(actor.role) }), getTranslations('Economics')]);
  if (!e.held) {
    return (
      <>
        <PageHeader title={t('title')} subtitle={t('subtitle')} actions={<RangeTabs pathname="/analytics/economics" namespace="Economics" ranges={ECONOMICS_RANGES} current={range} />} />
        <EmptyState title={t('empty')} />
      </>
    );
  }
  const grain = e.step > 1 ? 'month' : 'day';
  const log = range === 'all';
  const empty = t('emptyChart');
  const d = (day: string | null) => (day ? formatDate(day, locale) : '—');
  const epochNote = t('epochNote', { epochDays: formatNumber(e.epochDays, locale), total: formatNumber(e.totalDays, locale) });
  const breakEven = (e.breakEven ?? []).slice(0, MODEL_COLORS.length);
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} actions={<RangeTabs pathname="/analytics/economics" namespace="Economics" ranges={ECONOMICS_RANGES} current={range} />} />
      <p className="mb-4 text-xs text-muted" data-testid="economics-source">
        {t('source', { first: d(e.held.first), last: d(e.held.last), firstPrice: d(e.held.firstPrice), lastPrice: d(e.held.lastPrice) })} {e.step > 1 ? t('weekly') : ''}
      </p>
      <div className="grid gap-4 lg:grid-cols-2">
        <Card title={t('hashpriceBtc')}>
          <div data-testid="chart-hashprice-btc">
            <EconomicsChart days={e.days} lines={[{ name: t('hashpriceBtc'), values: e.hashpriceBtc, color: '#ba68c8' }]} unit="btc" log={log} locale={locale} emptyLabel={empty} grain={grain} />
          </div>
          <p className="mt-1 text-xs text-muted">{t('hashpriceNote')} {epochNote}</p>
        </Card>
        <Card title={t('hashpriceUsd')}>
          <div data-testid="chart-hashprice-usd">
            <EconomicsChart
              days={e.days}
              lines={[{ name: t('hashpriceUsd'), values: e.hashpriceUsd, color: '#ce93d8' }]}
              unit="usd"
              levels={breakEven.map((b, i) => ({ y: b.usdPerPhDay, label: t('breakEvenLine', { model: b.model }), color: MODEL_COLORS[i]! }))}
              locale={locale}
              emptyLabel={empty}
              grain={grain}
            />
          </div>
          <p className="mt-1 text-xs text-muted">{t('usdNote', { firstPrice: d(e.held.firstPrice), lastPrice: d(e.held.lastPrice) })}</p>
        </Card>
        <Card title={t('feeShare')}>
          <div data-testid="chart-fee-share">
            <EconomicsChart days={e.days} lines={[{ name: t('feeShare'), values: e.feeSharePct, color: '#ffb74d' }]} unit="count" locale={locale} emptyLabel={empty} grain={grain} />
          </div>
          <p className="mt-1 text-xs text-muted">{t('feeShareNote')} {epochNote}</p>
        </Card>
        <Card title={t('puell')}>
          <div data-testid="chart-puell">
            <EconomicsChart days={e.days} lines={[{ name: t('puell'), values: e.puell, color: '#4fc3f7' }]} unit="count" levels={[{ y: 1, label: t('puellMean'), color: '#9aa0b8' }]} locale={locale} emptyLabel={t('puellEmpty')} grain={grain} />
          </div>
          <p className="mt-1 text-xs text-muted">{t('puellNote')}</p>
        </Card>
        <Card title={t('difficultyRibbon')}>
          <div data-testid="chart-difficulty-ribbon">
            <EconomicsChart days={e.days} lines={e.difficultyRibbon.map((values, i) => ({ name: t('ribbonLine', { days: RIBBON_DAYS[i]! }), values, color: RIBBON_COLORS[i]! }))} unit="difficulty" log={log} locale={locale} emptyLabel={empty} grain={grain} />
          </div>
          <p className="mt-1 text-xs text-muted">{t('difficultyRibbonNote')}</p>
        </Card>
        <Card title={t('hashRibbon')}>
          <div data-testid="chart-hash-ribbon">
            <EconomicsChart
              days={e.days}
              lines={[
                { name: t('hashRibbon30'), values: e.hashRibbon.fast, color: '#81c784' },
                { name: t('hashRibbon60'), values: e.hashRibbon.slow, color: '#e57373' },
              ]}
              unit="hashrateThs"
              log={log}
              marks={e.crossings.map((c) => ({ t: c.t, label: t(`crossing.${c.kind}`), color: c.kind === 'recovery' ? '#81c784' : '#e57373' }))}
              locale={locale}
              emptyLabel={empty}
              grain={grain}
            />
          </div>
          <p className="mt-1 text-xs text-muted" data-testid="hash-ribbon-note">
            {t('hashRibbonNote')} {epochNote}
          </p>
          {e.crossings.length ? (
            <ul className="mt-2 max-h-32 overflow-y-auto text-xs" data-testid="crossings">
              {e.crossings
                .slice(-8)
                .reverse()
                .map((c) => (
                  <li key={c.day} className={c.kind === 'recovery' ? 'text-ok' : 'text-bad'}>
                    {formatDate(c.day, locale)}: {t(`crossing.${c.kind}`)}
                  </li>
                ))}
            </ul>
          ) : null}
        </Card>
      </div>
      <Card title={t('breakEvenTitle')} className="mt-4">
        {e.breakEven === null ? (
          <p className="text-sm text-muted">{t('breakEvenHidden')}</p>
        ) : e.breakEven.length === 0 ? (
          <p className="text-sm text-muted">{t('breakEvenNone')}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-sm" data-testid="break-even">
              <thead className="text-left text-xs text-muted">
                <tr>
                  <th className="py-1 pr-3 font-normal">{t('colModel')}</th>
                  <th className="py-1 pr-3 text-right font-normal">{t('colUnits')}</th>
                  <th className="py-1 pr-3 text-right font-normal">{t('colPrice')}</th>
                  <th className="py-1 pr-3 text-right font-normal">{t('colBreakEven')}</th>
                  <th className="py-1 text-right font-normal">{t('colMargin', { day: d(e.latest.usd?.day ?? null) })}</th>
                </tr>
              </thead>
              <tbody>
                {e.breakEven.map((b) => (
                    <tr key={b.model} className="border-t border-line">
                      <td className="py-1 pr-3">{b.model}</td>
                      <td className="py-1 pr-3 text-right tabular-nums">{formatNumber(b.units, locale)}</td>
                      <td className="py-1 pr-3 text-right tabular-nums">{formatUsd(b.usdPerKwh, locale, 3)}</td>
                      <td className="py-1 pr-3 text-right tabular-nums">{formatUsd(b.usdPerPhDay, locale)}</td>
                      <td className={`py-1 text-right tabular-nums ${b.marginPct !== null && b.marginPct < 0 ? 'text-bad' : 'text-ok'}`}>{formatPercent(b.marginPct, locale)}</td>
                    </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <p className="mt-2 text-xs text-muted">{t('breakEvenNote', { usd: e.latest.usd ? formatUsd(e.latest.usd.value, locale) : '—', usdDay: d(e.latest.usd?.day ?? null), btc: e.latest.btc ? formatBtc(e.latest.btc.value, locale) : '—', btcDay: d(e.latest.btc?.day ?? null) })}</p>
      </Card>
    </>
  );
}
