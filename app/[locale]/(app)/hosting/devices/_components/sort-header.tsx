import { Th } from '@/components/ui/table';
import { Link } from '@/lib/i18n/navigation';

/** A column header that sorts the server-side list: a link, so it works with the keyboard and without JavaScript. */
export function SortHeader({ column, label, query, className = '' }: { column: string; label: string; query: Record<string, string | undefined>; className?: string }) {
  const active = query.sort === column;
  const dir = active && query.dir !== 'desc' ? 'desc' : 'asc';
  const href = { pathname: '/hosting/devices', query: clean({ ...query, sort: column, dir, page: undefined }) };
  return (
    <Th className={className} aria-sort={active ? (query.dir === 'desc' ? 'descending' : 'ascending') : 'none'}>
      <Link href={href} className="inline-flex items-center gap-1 hover:text-ink">
        {label}
        <span aria-hidden className={active ? 'text-accent' : 'opacity-30'}>
          {active && query.dir === 'desc' ? '▼' : '▲'}
        </span>
      </Link>
    </Th>
  );
}

export const clean = (q: Record<string, string | undefined>) => Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined && v !== '')) as Record<string, string>;
