import { getLocale, getTranslations } from 'next-intl/server';
import { MultiLine } from '@/components/charts/multi-line';
import type { Grain } from '@/db/queries/power/read';
import { formatChartTime } from '@/lib/format';
import { Link } from '@/lib/i18n/navigation';

const DAY = 86_400_000;
export type Range = '24h' | '7d' | '30d' | '12m';
const RANGES: Range[] = ['24h', '7d', '30d', '12m'];

/** The rows a range reads: hours for 24 h and 7 d, local days for 30 d, local months for 12 m. */
export function rangeWindow(range: Range, now: Date): { grain: Grain; from: string; to: string } {
  const tomorrow = new Date(now.getTime() + DAY).toISOString().slice(0, 10);
  if (range === '24h') return { grain: 'hour', from: new Date(now.getTime() - DAY).toISOString(), to: now.toISOString() };
  if (range === '7d') return { grain: 'hour', from: new Date(now.getTime() - 7 * DAY).toISOString(), to: now.toISOString() };
  if (range === '30d') return { grain: 'day', from: new Date(now.getTime() - 30 * DAY).toISOString().slice(0, 10), to: tomorrow };
  return { grain: 'month', from: `${now.getUTCFullYear() - 1}-${String(now.getUTCMonth() + 1).padStart(2, '0')}-01`, to: tomorrow };
}

export async function EnergyTrend({ range, grain, points }: { range: Range; grain: Grain; points: { period: string; kwh: number }[] }) {
  const [t, locale] = [await getTranslations('Power'), await getLocale()];
  const data = points.map((p) => ({ x: formatChartTime(grain === 'hour' ? p.period : `${p.period}T12:00:00Z`, locale, grain), kwh: Math.round(p.kwh * 10) / 10 }));
  return (
    <>
      <nav className="mb-3 flex gap-2 text-sm" aria-label={t('trend')}>
        {RANGES.map((r) => (
          <Link key={r} href={`/power?range=${r}`} className={`rounded px-2 py-1 ${r === range ? 'bg-surface-2 font-semibold' : 'text-muted'}`} aria-current={r === range ? 'page' : undefined}>
            {t(`ranges.${r}`)}
          </Link>
        ))}
      </nav>
      <MultiLine data={data} series={[{ key: 'kwh', label: 'kWh' }]} xKey="x" emptyLabel={t('empty')} />
    </>
  );
}
