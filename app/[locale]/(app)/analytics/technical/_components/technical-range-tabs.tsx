import { getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';
import { TECHNICAL_RANGES, type TechnicalRange } from '@/lib/integrations/market/technical';

/** The range, as links: the server cuts the series (the indicators are computed on the whole history either way). */
export async function TechnicalRangeTabs({ current }: { current: TechnicalRange }) {
  const t = await getTranslations('Technical');
  return (
    <nav aria-label={t('range')} className="flex gap-1 rounded-md border border-line bg-surface p-1">
      {TECHNICAL_RANGES.map((r) => (
        <Link key={r} href={{ pathname: '/analytics/technical', query: { range: r } }} aria-current={r === current ? 'page' : undefined} className={`rounded px-3 py-1 text-sm ${r === current ? 'bg-accent-soft text-accent' : 'text-muted hover:text-ink'}`}>
          {t(`ranges.${r}`)}
        </Link>
      ))}
    </nav>
  );
}
