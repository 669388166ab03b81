import { getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import type { Tariff } from '@/lib/domain/power/tariff';
import { tariffVersionAt } from '@/lib/domain/power/tariff';
import { addDays, localDate } from '@/lib/domain/power/zone';
import { formatDate, formatUsd, formatUsdFromCents } from '@/lib/format';
import { mcToUsd } from '@/lib/power/present';
import { TariffDialog, type TariffValues } from './tariff-dialog';

type SiteTariffs = { id: string; name: string; timeZone: string; versions: Tariff[] };

const valuesOf = (t: Tariff): TariffValues => ({
  kind: t.kind,
  ratesUsdPerKwh: Object.fromEntries(Object.entries(t.ratesMcPerKwh).map(([w, mc]) => [w, mcToUsd(mc ?? 0)])),
  seasons: t.seasons as TariffValues['seasons'],
  holidays: t.holidays,
  demandUsdPerKw: t.demandCentsPerKw / 100,
  fixedMonthlyUsd: t.fixedMonthlyCents / 100,
});

/** Each site's tariff in force now, the next scheduled version, and (hosting:power FULL) a form for a new version. */
export async function TariffsCard({ sites, locale, edits, now }: { sites: SiteTariffs[]; locale: string; edits: boolean; now: Date }) {
  const t = await getTranslations('Power.tariff');
  const tp = await getTranslations('Power');
  const usd = (mc: number | undefined) => formatUsd(mc === undefined ? null : mcToUsd(mc), locale, 5);
  return (
    <Card title={t('cardTitle')} className="mb-6">
      <Table label={t('cardTitle')}>
        <thead>
          <tr>
            <Th>{tp('site')}</Th>
            <Th>{t('kind')}</Th>
            <Th className="hidden md:table-cell">{t('rates')}</Th>
            <Th />
          </tr>
        </thead>
        <tbody>
          {sites.map((s) => {
            const current = tariffVersionAt(s.versions, now);
            const next = s.versions.find((v) => v.effectiveFrom > now);
            const stored = current !== null && current.effectiveFrom.getTime() > 0;
            return (
              <tr key={s.id} data-testid="site-tariff">
                <Td>
                  <div>{s.name}</div>
                  <div className="text-xs text-muted">{stored ? t('since', { date: formatDate(current.effectiveFrom, locale, s.timeZone) }) : t('none')}</div>
                  {next ? <div className="text-xs text-muted">{t('scheduled', { date: formatDate(next.effectiveFrom, locale, s.timeZone) })}</div> : null}
                </Td>
                <Td>{current ? t(`kinds.${current.kind}`) : '—'}</Td>
                <Td className="hidden md:table-cell text-xs">
                  {current ? (
                    <>
                      <div>{current.kind === 'flat' ? t('summaryFlat', { rate: usd(current.ratesMcPerKwh.flat) }) : t('summaryTou', { peak: usd(current.ratesMcPerKwh.peak), shoulder: usd(current.ratesMcPerKwh.shoulder), offPeak: usd(current.ratesMcPerKwh.off_peak) })}</div>
                      <div className="text-muted">{t('summaryCharges', { demand: formatUsdFromCents(current.demandCentsPerKw, locale), fixed: formatUsdFromCents(current.fixedMonthlyCents, locale) })}</div>
                    </>
                  ) : null}
                </Td>
                <Td>{edits ? <TariffDialog siteId={s.id} siteName={s.name} current={current && stored ? valuesOf(current) : null} minDate={addDays(localDate(now, s.timeZone), 1)} /> : null}</Td>
              </tr>
            );
          })}
        </tbody>
      </Table>
    </Card>
  );
}
