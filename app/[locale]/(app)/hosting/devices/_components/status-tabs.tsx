import { getLocale, getTranslations } from 'next-intl/server';
import type { StatusCounts } from '@/db/queries/miners';
import { formatNumber } from '@/lib/format';
import { Link } from '@/lib/i18n/navigation';
import { MINER_STATUSES } from '@/lib/validation/hosting';
import { clean } from './sort-header';

/** Status tabs with the counts the list query returned in the same round trip. */
export async function StatusTabs({ counts, query }: { counts: StatusCounts; query: Record<string, string | undefined> }) {
  const [t, ts, locale] = await Promise.all([getTranslations('Miners'), getTranslations('Status'), getLocale()]);
  const tabs = [{ key: '', label: t('allStatuses'), n: counts.all }, ...MINER_STATUSES.map((s) => ({ key: s, label: ts(s), n: counts[s] }))];
  return (
    <nav className="mb-3 flex gap-1 overflow-x-auto pb-1" aria-label={t('status')}>
      {tabs.map((tab) => {
        const active = (query.status ?? '') === tab.key;
        return (
          <Link
            key={tab.key || 'all'}
            href={{ pathname: '/hosting/devices', query: clean({ ...query, status: tab.key, page: undefined }) }}
            aria-current={active ? 'page' : undefined}
            className={`shrink-0 rounded-full border px-3 py-1 text-sm ${active ? 'border-accent bg-accent-soft text-accent' : 'border-line text-muted hover:text-ink'}`}
          >
            {tab.label} <span className="tabular-nums">{formatNumber(tab.n, locale)}</span>
          </Link>
        );
      })}
    </nav>
  );
}
