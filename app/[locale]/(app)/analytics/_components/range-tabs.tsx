import { getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';
import { RANGES, type Range } from '@/lib/integrations/market/analytics';

/** The chart range; the fleet choice (fleet-tabs.tsx) is kept across a change of range. */
export async function RangeTabs({ current, fleet }: { current: Range; fleet?: string | null }) {
  const t = await getTranslations('Analytics');
  return (
    <nav aria-label={t('range')} className="flex gap-1 rounded-md border border-line bg-surface p-1">
      {RANGES.map((r) => (
        <Link key={r} href={{ pathname: '/analytics', query: fleet ? { range: r, fleet } : { range: r } }} aria-current={r === current ? 'page' : undefined} className={`rounded px-3 py-1 text-sm ${r === current ? 'bg-accent-soft text-accent' : 'text-muted hover:text-ink'}`}>
          {t(`ranges.${r}`)}
        </Link>
      ))}
    </nav>
  );
}
