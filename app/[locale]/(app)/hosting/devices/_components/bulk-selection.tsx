'use client';

import { useTranslations } from 'next-intl';
import { createContext, type ReactNode, useContext, useEffect, useMemo, useRef, useState } from 'react';

/**
 * The miner list's selection: the rows ticked on this page, or — after "select all N matching" —
 * the list's whole filter, which the server resolves under the user's scope. Changing the filter or
 * the page (a new `resetKey`) clears it, so an action never runs on rows the user no longer sees.
 */
type Selection = {
  ids: ReadonlySet<string>;
  allMatching: boolean;
  pageIds: readonly string[];
  total: number;
  toggle: (id: string) => void;
  setPage: (on: boolean) => void;
  selectAllMatching: () => void;
  clear: () => void;
};

const Ctx = createContext<Selection | null>(null);

export function useSelection(): Selection {
  const s = useContext(Ctx);
  if (!s) throw new Error('useSelection outside SelectionProvider');
  return s;
}

export function SelectionProvider({ pageIds, total, resetKey, children }: { pageIds: string[]; total: number; resetKey: string; children: ReactNode }) {
  const [ids, setIds] = useState<ReadonlySet<string>>(new Set());
  const [allMatching, setAllMatching] = useState(false);
  const [key, setKey] = useState(resetKey);
  if (key !== resetKey) {
    setKey(resetKey);
    setIds(new Set());
    setAllMatching(false);
  }
  const value = useMemo<Selection>(
    () => ({
      ids,
      allMatching,
      pageIds,
      total,
      toggle: (id) => {
        setAllMatching(false);
        setIds((prev) => {
          const next = new Set(prev);
          if (next.has(id)) next.delete(id);
          else next.add(id);
          return next;
        });
      },
      setPage: (on) => {
        setAllMatching(false);
        setIds(on ? new Set(pageIds) : new Set());
      },
      selectAllMatching: () => {
        setIds(new Set(pageIds));
        setAllMatching(true);
      },
      clear: () => {
        setIds(new Set());
        setAllMatching(false);
      },
    }),
    [ids, allMatching, pageIds, total],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

const box = 'h-5 w-5 cursor-pointer accent-[var(--color-accent,currentColor)] sm:h-4 sm:w-4';

/** One row's checkbox (a native input: Space toggles it, Tab moves on). */
export function RowCheck({ id, name }: { id: string; name: string }) {
  const t = useTranslations('Bulk');
  const s = useSelection();
  return <input type="checkbox" className={box} checked={s.allMatching || s.ids.has(id)} onChange={() => s.toggle(id)} aria-label={t('selectRow', { name })} data-testid="row-check" />;
}

/** The header's checkbox: every row of this page, mixed when only some are ticked. `labelled` shows its words (phones, where the table header is hidden). */
export function PageCheck({ labelled = false }: { labelled?: boolean }) {
  const t = useTranslations('Bulk');
  const s = useSelection();
  const ref = useRef<HTMLInputElement>(null);
  const ticked = s.allMatching ? s.pageIds.length : s.pageIds.filter((id) => s.ids.has(id)).length;
  const all = ticked > 0 && ticked === s.pageIds.length;
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = ticked > 0 && !all;
  }, [ticked, all]);
  const input = <input ref={ref} type="checkbox" className={box} checked={all} onChange={() => s.setPage(!all)} aria-label={labelled ? undefined : t('selectPage')} />;
  if (!labelled) return input;
  return (
    <label className="flex min-h-11 cursor-pointer items-center gap-3 text-sm">
      {input}
      {t('selectPage')}
    </label>
  );
}
