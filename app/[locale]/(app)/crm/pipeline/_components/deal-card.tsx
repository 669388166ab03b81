'use client';

import { useFormatter, useLocale, useTranslations } from 'next-intl';
import type { KeyboardEvent, Ref } from 'react';
import type { BoardCard } from '@/db/queries/crm/deals';
import type { DealStage } from '@/lib/domain/crm/pipeline';
import { formatUsdFromCents } from '@/lib/format';
import { Link } from '@/lib/i18n/navigation';

/**
 * A deal on the board: a focusable, draggable article whose "Move to" menu is the keyboard and
 * screen-reader path for the same move a drag makes.
 */
export function DealCard({ card, canMove, stages, ref, onKeyDown, onMoveTo }: { card: BoardCard; canMove: boolean; stages: readonly DealStage[]; ref: Ref<HTMLElement>; onKeyDown: (e: KeyboardEvent) => void; onMoveTo: (to: DealStage) => void }) {
  const t = useTranslations('Crm.pipeline');
  const ts = useTranslations('Crm.stage');
  const format = useFormatter();
  const locale = useLocale();
  const money = (cents: number) => formatUsdFromCents(cents, locale);
  return (
    <article
      ref={ref}
      tabIndex={0}
      draggable={canMove}
      aria-roledescription={t('cardRole')}
      aria-describedby="board-help"
      aria-label={t('cardLabel', { title: card.title, party: card.partyName, stage: ts(card.stage), value: money(card.valueCents) })}
      onDragStart={(e) => {
        e.dataTransfer.setData('text/x-deal-id', card.id);
        e.dataTransfer.effectAllowed = 'move';
      }}
      onKeyDown={onKeyDown}
      data-deal-id={card.id}
      className="cursor-grab rounded-md border border-line bg-bg p-2 text-sm outline-none focus-visible:ring-2 focus-visible:ring-accent active:cursor-grabbing"
    >
      <div className="flex items-start justify-between gap-2">
        <span className="min-w-0 font-medium [overflow-wrap:anywhere]">{card.title}</span>
        <span className="shrink-0 tabular-nums">{money(card.valueCents)}</span>
      </div>
      <div className="mt-1 text-xs text-muted">
        {card.customerId ? (
          <Link href={`/crm/customers/${card.customerId}`} className="text-accent hover:underline" draggable={false}>
            {card.partyName}
          </Link>
        ) : (
          <>
            {card.partyName} · {t('lead')}
          </>
        )}
        {card.ownerName ? ` · ${card.ownerName}` : ''}
      </div>
      {card.expectedCloseOn ? <div className="mt-1 text-xs text-muted">{t('expectedClose', { date: format.dateTime(new Date(`${card.expectedCloseOn}T00:00:00Z`), { dateStyle: 'medium', timeZone: 'UTC' }) })}</div> : null}
      {card.commissionCents != null ? <div className="mt-1 text-xs text-muted">{t('commission', { broker: card.brokerName ?? '—', amount: money(card.commissionCents) })}</div> : null}
      {card.closeReason ? <div className="mt-1 text-xs italic text-muted">{card.closeReason}</div> : null}
      {canMove ? (
        <label className="mt-2 flex items-center gap-2 text-xs text-muted">
          {t('moveTo')}
          <select
            className="min-w-0 flex-1 rounded border border-line bg-surface px-1 py-0.5 text-ink"
            value=""
            onChange={(e) => {
              if (e.target.value) onMoveTo(e.target.value as DealStage);
            }}
            onKeyDown={(e) => e.stopPropagation()}
          >
            <option value="">—</option>
            {stages
              .filter((s) => s !== card.stage)
              .map((s) => (
                <option key={s} value={s}>
                  {ts(s)}
                </option>
              ))}
          </select>
        </label>
      ) : null}
    </article>
  );
}
