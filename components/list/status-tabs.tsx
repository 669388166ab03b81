import { useLocale } from 'next-intl';
import type { ReactNode } from 'react';
import { formatNumber } from '@/lib/format';
import { Link } from '@/lib/i18n/navigation';
import { listHref, type ListQuery } from './list-href';

export type Tab = { value: string; label: ReactNode; count?: number };

const STYLES = {
  pills: {
    nav: 'mb-3 flex gap-1 overflow-x-auto pb-1',
    tab: (active: boolean) => `shrink-0 rounded-full border px-3 py-1 text-sm ${active ? 'border-accent bg-accent-soft text-accent' : 'border-line text-muted hover:text-ink'}`,
  },
  underline: {
    nav: 'mb-4 flex gap-1 overflow-x-auto border-b border-line',
    tab: (active: boolean) => `-mb-px shrink-0 border-b-2 px-3 py-2 text-sm ${active ? 'border-accent text-ink' : 'border-transparent text-muted hover:text-ink'}`,
  },
};

/**
 * One URL parameter as a row of links (a status, a kind, a page's section), each with its count when
 * given. Links keep the other filters unless `reset` (a section whose filters do not carry over), and
 * start again at page 1. The value '' means the parameter is left out.
 */
export function StatusTabs({ pathname, query, param, value, tabs, label, reset, variant = 'pills' }: { pathname: string; query: ListQuery; param: string; value: string; tabs: readonly Tab[]; label: string; reset?: boolean; variant?: keyof typeof STYLES }) {
  const locale = useLocale();
  const style = STYLES[variant];
  return (
    <nav className={style.nav} aria-label={label}>
      {tabs.map((tab) => (
        <Link key={tab.value || 'all'} href={listHref(pathname, reset ? {} : query, { [param]: tab.value })} aria-current={value === tab.value ? 'page' : undefined} className={style.tab(value === tab.value)}>
          {tab.label}
          {tab.count === undefined ? null : <span className="tabular-nums"> {formatNumber(tab.count, locale)}</span>}
        </Link>
      ))}
    </nav>
  );
}
