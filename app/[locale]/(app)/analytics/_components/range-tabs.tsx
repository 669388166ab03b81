import { getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';

/**
 * A chart range as links (the server cuts the series), labelled from `<namespace>.range` and
 * `<namespace>.ranges.<r>`; `query` carries the page's other choices (the analytics fleet) across a
 * change of range.
 */
export async function RangeTabs({ pathname, namespace, ranges, current, query }: { pathname: string; namespace: 'Analytics' | 'Economics' | 'Technical'; ranges: readonly string[]; current: string; query?: Record<string, string> }) {
  const t = await getTranslations(namespace);
  return (
    <nav aria-label={t('range')} className="flex gap-1 rounded-md border border-line bg-surface p-1">
      {ranges.map((r) => (
        <Link key={r} href={{ pathname, query: { range: r, ...query } }} aria-current={r === current ? 'page' : undefined} className={`rounded px-3 py-1 text-sm ${r === current ? 'bg-accent-soft text-accent' : 'text-muted hover:text-ink'}`}>
          {t(`ranges.${r}`)}
        </Link>
      ))}
    </nav>
  );
}
