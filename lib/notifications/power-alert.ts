import type { PowerAlertDetail, PowerAlertKind } from '@/lib/domain/power/alerts';
import { formatDateTime, formatEnergy, formatPercent, formatPower } from '@/lib/format';
import { notificationText } from '@/lib/i18n/notification-text';

/**
 * A power alert in its recipient's language (Notifications.powerAlert.<kind>): one line naming the
 * site and what happened, figures formatted in that locale and times in the site's own zone (a
 * tariff window is local). The webhook's data keeps the stored figures.
 */
export function powerAlertMessage(input: { locale: string; appName: string; kind: PowerAlertKind; site: string; timeZone: string; detail: PowerAlertDetail }): { subject: string; text: string } {
  const { locale, t } = notificationText(input.locale);
  const d = input.detail;
  const at = (v: string | number | null | undefined) => formatDateTime(typeof v === 'string' ? v : null, locale, input.timeZone, { zone: true });
  const w = (v: string | number | null | undefined) => formatPower(typeof v === 'number' ? v : null, locale);
  const wh = (v: string | number | null | undefined) => formatEnergy(typeof v === 'number' ? v : null, locale);
  const base = { app: input.appName, site: input.site };
  const subject = (() => {
    switch (input.kind) {
      case 'peak_warning':
        return t('powerAlert.peak_warning', { ...base, at: at(d.startsAt), power: w(d.liveW), share: formatPercent((Number(d.liveW) / Number(d.capacityW)) * 100, locale, { digits: 0 }) });
      case 'abnormal_consumption':
        return t('powerAlert.abnormal_consumption', { ...base, direction: String(d.direction), hour: at(d.hour), energy: wh(d.energyWh), median: wh(d.medianWh) });
      case 'contract_exceeded':
        return t('powerAlert.contract_exceeded', { ...base, peak: w(d.peakW), contracted: w(d.contractedW), at: at(d.hour) });
      case 'rate_change':
        return t('powerAlert.rate_change', { ...base, at: at(d.effectiveFrom) });
      case 'meter_gap':
        return t('powerAlert.meter_gap', { ...base, at: at(d.lastReading) });
      case 'data_gap':
        return d.lastHour ? t('powerAlert.data_gap', { ...base, at: at(d.lastHour) }) : t('powerAlert.data_gap_never', base);
    }
  })();
  return { subject, text: [subject, '', t('powerAlert.footer', { app: input.appName })].join('\n') };
}
