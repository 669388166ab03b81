'use client';

import { useTranslations } from 'next-intl';
import { useMemo, useState } from 'react';
import { Button } from '@/components/ui/button';
import type { BulkSelection, MinerFilterInput } from '@/lib/validation/bulk-actions';
import { BulkDialog, type BulkKind } from './bulk-dialog';
import { useSelection } from './bulk-selection';

export type BulkPermissions = { command: boolean; move: boolean; status: boolean; ticket: boolean };
type Option = { id: string; name: string };

const FILTER_KEYS = ['q', 'status', 'state', 'siteId', 'customerId', 'modelId', 'ip'] as const;

/**
 * The bar over a selection: how many are selected, the offer to take every miner matching the filter
 * (not just this page), and the actions the user's role allows. Sticks to the bottom on a phone.
 */
export function BulkBar({ query, permissions, sites, customers }: { query: Record<string, string>; permissions: BulkPermissions; sites: Option[]; customers: Option[] }) {
  const t = useTranslations('Bulk');
  const s = useSelection();
  const [kind, setKind] = useState<BulkKind | null>(null);
  const count = s.allMatching ? s.total : s.ids.size;
  const filter = useMemo(() => Object.fromEntries(FILTER_KEYS.filter((k) => query[k]).map((k) => [k, query[k]])) as MinerFilterInput, [query]);
  const selection = useMemo<BulkSelection | null>(() => (s.allMatching ? { mode: 'filter', filter } : s.ids.size ? { mode: 'ids', ids: [...s.ids] } : null), [s.allMatching, s.ids, filter]);
  if (!selection) return null;
  const pageAll = !s.allMatching && s.pageIds.length > 0 && s.pageIds.every((id) => s.ids.has(id));
  const actions: { kind: BulkKind; show: boolean }[] = [
    { kind: 'REBOOT', show: permissions.command },
    { kind: 'SLEEP', show: permissions.command },
    { kind: 'WAKE', show: permissions.command },
    { kind: 'POWER', show: permissions.command },
    { kind: 'POOL_SET', show: permissions.command },
    { kind: 'move', show: permissions.move },
    { kind: 'status', show: permissions.status },
    { kind: 'ticket', show: permissions.ticket },
  ];
  return (
    <div
      role="region"
      aria-label={t('barLabel')}
      className="sticky bottom-0 z-30 -mx-4 mb-3 flex flex-col gap-2 border-y border-line bg-surface/95 px-4 py-3 backdrop-blur sm:static sm:mx-0 sm:rounded-lg sm:border"
      data-testid="bulk-bar"
    >
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
        <span className="font-medium" aria-live="polite">
          {s.allMatching ? t('allMatchingSelected', { count }) : t('selectedOnPage', { count })}
        </span>
        {pageAll && s.total > s.pageIds.length ? (
          <button type="button" className="text-accent underline-offset-2 hover:underline" onClick={s.selectAllMatching}>
            {t('selectAllMatching', { count: s.total })}
          </button>
        ) : null}
        <button type="button" className="text-muted hover:text-ink" onClick={s.clear}>
          {t('clear')}
        </button>
      </div>
      <div className="flex flex-wrap gap-2">
        {actions
          .filter((a) => a.show)
          .map((a) => (
            <Button key={a.kind} type="button" variant="secondary" className="px-3 py-1.5" onClick={() => setKind(a.kind)}>
              {t(`action.${a.kind}`)}
            </Button>
          ))}
      </div>
      {kind ? <BulkDialog kind={kind} selection={selection} sites={sites} customers={customers} onClose={() => setKind(null)} onDone={() => (setKind(null), s.clear())} /> : null}
    </div>
  );
}
