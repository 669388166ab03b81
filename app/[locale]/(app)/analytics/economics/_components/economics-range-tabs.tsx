import { getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';
import { ECONOMICS_RANGES, type EconomicsRange } from '@/lib/integrations/market/economics';

export async function EconomicsRangeTabs({ current }: { current: EconomicsRange }) {
  const t = await getTranslations('Economics');
  return (
    <nav aria-label={t('range')} className="flex gap-1 rounded-md border border-line bg-surface p-1">
      {ECONOMICS_RANGES.map((r) => (
        <Link key={r} href={{ pathname: '/analytics/economics', query: { range: r } }} aria-current={r === current ? 'page' : undefined} className={`rounded px-3 py-1 text-sm ${r === current ? 'bg-accent-soft text-accent' : 'text-muted hover:text-ink'}`}>
          {t(`ranges.${r}`)}
        </Link>
      ))}
    </nav>
  );
}
