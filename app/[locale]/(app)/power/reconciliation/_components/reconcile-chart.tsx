import { getLocale, getTranslations } from 'next-intl/server';
import { ACCENT } from '@/components/charts/colors';
import { MonthBars } from '@/components/charts/month-bars';
import type { ReconcileRow } from '@/db/queries/power/reconcile';
import { formatChartTime } from '@/lib/format';

/** kWh by the site meters and by the miners per day (or hour); hours no meter covered have no meter point. */
export async function ReconcileChart({ rows, grain, timeZone }: { rows: ReconcileRow[]; grain: 'day' | 'hour'; timeZone: string }) {
  const [t, locale] = [await getTranslations('Power.Reconciliation'), await getLocale()];
  const kwh = (wh: number) => Math.round(wh / 100) / 10;
  const data = rows
    .filter((r) => r.meterWh !== null)
    .map((r) => ({
      x: grain === 'hour' ? formatChartTime(r.period, locale, 'hour', timeZone) : formatChartTime(`${r.period}T12:00:00Z`, locale, 'day'),
      meter: kwh(r.meterWh ?? 0),
      miners: kwh(r.minersMeteredWh),
    }));
  return (
    <MonthBars
      data={data}
      series={[
        { key: 'meter', label: t('meterKwh'), color: ACCENT },
        { key: 'miners', label: t('minersKwh'), color: '#4fc3f7' },
      ]}
      xKey="x"
      emptyLabel={t('noMeter')}
      height={288}
    />
  );
}
