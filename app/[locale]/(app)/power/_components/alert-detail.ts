import type { getTranslations } from 'next-intl/server';
import type { PowerAlertRow } from '@/db/queries/power/alerts';
import { formatDateTime, formatEnergy, formatPercent, formatPower } from '@/lib/format';

type T = Awaited<ReturnType<typeof getTranslations<'Power'>>>;

/** One line of what an alert measured, its times in the site's zone (tariff windows are local). */
export function alertDetail(t: T, a: Pick<PowerAlertRow, 'kind' | 'detail' | 'timeZone'>, locale: string): string {
  const d = a.detail;
  const at = (v: unknown) => formatDateTime(typeof v === 'string' ? v : null, locale, a.timeZone, { zone: true });
  const num = (v: unknown) => (typeof v === 'number' ? v : null);
  switch (a.kind) {
    case 'peak_warning':
      return t('alertDetail.peak_warning', { at: at(d.startsAt), power: formatPower(num(d.liveW), locale), share: formatPercent(((num(d.liveW) ?? 0) / (num(d.capacityW) || 1)) * 100, locale, { digits: 0 }) });
    case 'abnormal_consumption':
      return t('alertDetail.abnormal_consumption', { hour: at(d.hour), energy: formatEnergy(num(d.energyWh), locale), median: formatEnergy(num(d.medianWh), locale), threshold: formatEnergy(num(d.thresholdWh), locale), direction: String(d.direction) });
    case 'contract_exceeded':
      return t('alertDetail.contract_exceeded', { peak: formatPower(num(d.peakW), locale), contracted: formatPower(num(d.contractedW), locale), at: at(d.hour) });
    case 'rate_change':
      return t('alertDetail.rate_change', { at: at(d.effectiveFrom) });
    case 'meter_gap':
      return t('alertDetail.meter_gap', { at: at(d.lastReading) });
    case 'data_gap':
      return d.lastHour ? t('alertDetail.data_gap', { at: at(d.lastHour) }) : t('alertDetail.data_gap_never');
  }
}
