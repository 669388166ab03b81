import { getTranslations, setRequestLocale } from 'next-intl/server';
import { FilterBar } from '@/components/list/filter-bar';
import { FilterSelect } from '@/components/list/filters';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { listSiteOptions } from '@/db/queries/hosting/sites';
import { ADVICE_HORIZON_H, loadPowerAdvice } from '@/db/queries/power/advice';
import { requirePage } from '@/lib/auth/guard';
import type { WindowAdvice } from '@/lib/domain/power/advice';
import { formatDateTime, formatEfficiency, formatEnergy, formatNumber, formatPower, formatUsdFromCents } from '@/lib/format';
import { pageTitle } from '@/lib/i18n/page-title';
import { parseListPage, type SearchParams } from '@/lib/list/parse-list-page';
import { z } from '@/lib/validation/zod';
import { ScheduleAdviceButton } from './_components/schedule-advice-button';

export const generateMetadata = pageTitle('powerAdvice');

const schema = z.object({ site: z.uuid().optional().catch(undefined) });
const SHOWN = 10;

/**
 * Staff only (curtailment:execute): which miners cost more than they earn in each tariff window of the
 * next 48 hours at the expected hashprice, with the saving of switching them off (lib/domain/power/advice.ts),
 * and one click to schedule the curtailment.
 */
export default async function PowerAdvicePage(props: { params: Promise<{ locale: string }>; searchParams: Promise<SearchParams> }) {
  const { locale } = await props.params;
  setRequestLocale(locale);
  const actor = await requirePage(locale, 'curtailment:execute');
  const { params: q, query } = parseListPage(schema, await props.searchParams);
  const db = await getDb();
  const [sites, t] = await Promise.all([listSiteOptions(db, actor.scope), getTranslations('PowerAdvice')]);
  const siteId = q.site && sites.some((s) => s.id === q.site) ? q.site : sites[0]?.id;
  const advice = siteId ? await loadPowerAdvice(db, actor.scope, siteId, new Date()) : null;
  const when = (d: Date) => formatDateTime(d, locale, advice?.site.timeZone ?? 'UTC', { zone: true });
  const source = (w: WindowAdvice) =>
    w.source.kind === 'forecast' ? t('sourceForecast', { day: w.source.day, stored: w.source.storedOn }) : t('sourceMeasured', { at: formatDateTime(new Date(w.source.at), locale, 'UTC', { zone: true }) });
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle', { hours: ADVICE_HORIZON_H })} />
      <FilterBar label={t('title')} query={query}>
        <FilterSelect name="site" label={t('site')} value={siteId} all={false} options={sites} />
      </FilterBar>
      {!advice ? (
        <EmptyState title={t('noSites')} />
      ) : advice.miners === 0 ? (
        <EmptyState title={t('noMeasured')} hint={t('noMeasuredHint')} />
      ) : advice.windows.length === 0 ? (
        <EmptyState title={t('noAdvice')} hint={t('noAdviceHint', { miners: advice.miners })} />
      ) : (
        <div className="flex flex-col gap-4">
          <p className="text-sm text-muted">{t('method')}</p>
          {advice.windows.map((w) => (
            <Card key={w.start.toISOString()} title={`${when(w.start)} – ${when(w.end)} · ${t(`window.${w.window}`)}`}>
              <dl className="mb-3 grid grid-cols-2 gap-2 text-sm md:grid-cols-4">
                <div>
                  <dt className="text-xs text-muted">{t('rate')}</dt>
                  <dd>{formatUsdFromCents(w.rateMcPerKwh / 1000, locale, 3)} / kWh</dd>
                </div>
                <div>
                  <dt className="text-xs text-muted">{t('hashprice')}</dt>
                  <dd>
                    {t('hashpriceValue', { usd: formatNumber(w.hashpriceUsdPerPhDay, locale, { digits: 2 }) })}
                    <span className="block text-xs text-muted">{source(w)}</span>
                  </dd>
                </div>
                <div>
                  <dt className="text-xs text-muted">{t('breakEven')}</dt>
                  <dd>{formatEfficiency(w.breakEvenJPerTh, locale)}</dd>
                </div>
                <div>
                  <dt className="text-xs text-muted">{t('saving')}</dt>
                  <dd className="font-semibold text-accent">{formatUsdFromCents(w.savingCents, locale)}</dd>
                  <dd className="text-xs text-muted">{t('shed', { miners: w.miners.length, power: formatPower(w.shedW, locale) })}</dd>
                </div>
              </dl>
              <table className="w-full text-left text-sm" aria-label={t('minersTable')}>
                <thead className="text-xs text-muted">
                  <tr>
                    <th className="py-1">{t('miner')}</th>
                    <th className="py-1 text-right">{t('efficiency')}</th>
                    <th className="hidden py-1 text-right md:table-cell">{t('energy')}</th>
                    <th className="hidden py-1 text-right md:table-cell">{t('costAvoided')}</th>
                    <th className="hidden py-1 text-right md:table-cell">{t('revenueForgone')}</th>
                    <th className="py-1 text-right">{t('saving')}</th>
                  </tr>
                </thead>
                <tbody>
                  {w.miners.slice(0, SHOWN).map((m) => (
                    <tr key={m.minerId} className="border-t border-line">
                      <td className="py-1">{m.name}</td>
                      <td className="py-1 text-right">{formatEfficiency(m.jPerTh, locale)}</td>
                      <td className="hidden py-1 text-right md:table-cell">{formatEnergy(m.energyAvoidedWh, locale)}</td>
                      <td className="hidden py-1 text-right md:table-cell">{formatUsdFromCents(m.costAvoidedCents, locale)}</td>
                      <td className="hidden py-1 text-right md:table-cell">{formatUsdFromCents(m.revenueForgoneCents, locale)}</td>
                      <td className="py-1 text-right">{formatUsdFromCents(m.savingCents, locale)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {w.miners.length > SHOWN ? <p className="mt-1 text-xs text-muted">{t('more', { count: w.miners.length - SHOWN })}</p> : null}
              <div className="mt-3">
                <ScheduleAdviceButton siteId={advice.site.id} startsAt={w.start.toISOString()} summary={t('scheduleBody', { power: formatPower(w.shedW, locale), miners: w.miners.length, saving: formatUsdFromCents(w.savingCents, locale) })} />
              </div>
            </Card>
          ))}
        </div>
      )}
    </>
  );
}
