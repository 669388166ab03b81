'use client';

import { useLocale, useTranslations } from 'next-intl';
import { type DragEvent, type KeyboardEvent, useEffect, useRef, useState } from 'react';
import type { BoardCard, BoardColumn } from '@/db/queries/crm/deals';
import { moveDealAction } from '@/lib/actions/crm/move-deal';
import { adjacentStage, DEAL_STAGES, type DealStage, isClosedStage } from '@/lib/domain/crm/pipeline';
import { formatUsdFromCents } from '@/lib/format';
import { useRouter } from '@/lib/i18n/navigation';
import { CloseReasonDialog } from './close-reason-dialog';
import { DealCard } from './deal-card';

type Pending = { card: BoardCard; to: DealStage };

function moveLocally(columns: BoardColumn[], card: BoardCard, to: DealStage, version: number): BoardColumn[] {
  return columns.map((c) => {
    if (c.stage === card.stage) return { ...c, count: c.count - 1, valueCents: c.valueCents - card.valueCents, cards: c.cards.filter((x) => x.id !== card.id) };
    if (c.stage === to) return { ...c, count: c.count + 1, valueCents: c.valueCents + card.valueCents, cards: [{ ...card, stage: to, version }, ...c.cards] };
    return c;
  });
}

/**
 * The pipeline board. A card moves by dragging it to a column, or from the keyboard: focus it and
 * press Shift+→ / Shift+← for the next or previous stage, or pick a stage in its "Move to" menu.
 * Each move is announced in a live region. The server checks the stage and version the card had
 * here, so a card someone else moved meanwhile is not moved back: the board reloads and says so.
 * Closing (won, lost) asks for the reason first.
 */
export function PipelineBoard({ columns: initial, canMove }: { columns: BoardColumn[]; canMove: boolean }) {
  const t = useTranslations('Crm.pipeline');
  const ts = useTranslations('Crm.stage');
  const te = useTranslations('Errors');
  const router = useRouter();
  const locale = useLocale();
  const [columns, setColumns] = useState(initial);
  const [announcement, setAnnouncement] = useState('');
  const [pending, setPending] = useState<Pending | null>(null);
  const [focusId, setFocusId] = useState<string | null>(null);
  const [dragOver, setDragOver] = useState<DealStage | null>(null);
  const cardRefs = useRef(new Map<string, HTMLElement>());

  // A refresh (after a move or a conflict) brings the server's board: it replaces the local one.
  const [shown, setShown] = useState(initial);
  if (shown !== initial) {
    setShown(initial);
    setColumns(initial);
  }
  useEffect(() => {
    if (focusId) cardRefs.current.get(focusId)?.focus();
  }, [focusId, columns]);

  const find = (id: string) => columns.flatMap((c) => c.cards).find((c) => c.id === id);

  const commit = async (card: BoardCard, to: DealStage, reason: string | null) => {
    const before = columns;
    setColumns(moveLocally(columns, card, to, card.version + 1));
    setFocusId(card.id);
    const result = await moveDealAction({ id: card.id, fromStage: card.stage, version: card.version, toStage: to, reason });
    if (result.ok) {
      setColumns((cols) => cols.map((c) => ({ ...c, cards: c.cards.map((x) => (x.id === card.id ? { ...x, version: result.data.version } : x)) })));
      setAnnouncement(t('moved', { title: card.title, stage: ts(to) }));
      return;
    }
    setColumns(before);
    setAnnouncement(result.code === 'CONFLICT' ? t('stale', { title: card.title }) : t('failed', { title: card.title, reason: te(result.code) }));
    if (result.code === 'CONFLICT' || result.code === 'NOT_FOUND') router.refresh();
  };

  const requestMove = (card: BoardCard, to: DealStage | null) => {
    if (!to || to === card.stage || !canMove) return;
    if (isClosedStage(to)) setPending({ card, to });
    else void commit(card, to, null);
  };

  const onKeyDown = (card: BoardCard) => (e: KeyboardEvent) => {
    if (!e.shiftKey || (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft')) return;
    e.preventDefault();
    const to = adjacentStage(card.stage, e.key === 'ArrowRight' ? 1 : -1);
    if (to) requestMove(card, to);
    else setAnnouncement(t('edge', { title: card.title }));
  };

  const onDrop = (to: DealStage) => (e: DragEvent) => {
    e.preventDefault();
    setDragOver(null);
    const card = find(e.dataTransfer.getData('text/x-deal-id'));
    if (card) requestMove(card, to);
  };

  return (
    <>
      <p id="board-help" className="mb-3 text-xs text-muted">
        {canMove ? t('help') : t('readOnly')}
      </p>
      <div className="-mx-4 flex snap-x gap-3 overflow-x-auto px-4 pb-4 sm:mx-0 sm:px-0" data-testid="pipeline-board">
        {columns.map((col) => (
          <section
            key={col.stage}
            aria-labelledby={`col-${col.stage}`}
            data-stage={col.stage}
            onDragOver={(e) => {
              if (!canMove) return;
              e.preventDefault();
              setDragOver(col.stage);
            }}
            onDragLeave={() => setDragOver((s) => (s === col.stage ? null : s))}
            onDrop={onDrop(col.stage)}
            className={`flex w-72 shrink-0 snap-start flex-col rounded-lg border bg-surface p-2 ${dragOver === col.stage ? 'border-accent' : 'border-line'}`}
          >
            <header className="mb-2 flex items-baseline justify-between gap-2 px-1">
              <h2 id={`col-${col.stage}`} className="text-sm font-semibold">
                {ts(col.stage)} <span className="font-normal text-muted">({col.count})</span>
              </h2>
              <span className="text-xs tabular-nums text-muted">{formatUsdFromCents(col.valueCents, locale)}</span>
            </header>
            <ul className="flex min-h-16 flex-col gap-2">
              {col.cards.map((card) => (
                <li key={card.id}>
                  <DealCard
                    card={card}
                    canMove={canMove}
                    stages={DEAL_STAGES}
                    ref={(el) => {
                      if (el) cardRefs.current.set(card.id, el);
                      else cardRefs.current.delete(card.id);
                    }}
                    onKeyDown={onKeyDown(card)}
                    onMoveTo={(to) => requestMove(card, to)}
                  />
                </li>
              ))}
              {col.cards.length === 0 ? <li className="rounded border border-dashed border-line p-3 text-center text-xs text-muted">{t('emptyColumn')}</li> : null}
            </ul>
            {col.count > col.cards.length ? <p className="mt-2 px-1 text-xs text-muted">{t('more', { count: col.count - col.cards.length })}</p> : null}
          </section>
        ))}
      </div>
      <div aria-live="assertive" role="status" className="sr-only" data-testid="board-announcer">
        {announcement}
      </div>
      {pending ? (
        <CloseReasonDialog
          title={pending.card.title}
          stage={pending.to}
          onCancel={() => {
            setFocusId(pending.card.id);
            setPending(null);
          }}
          onConfirm={(reason) => {
            const { card, to } = pending;
            setPending(null);
            void commit(card, to, reason);
          }}
        />
      ) : null}
    </>
  );
}
