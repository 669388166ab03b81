import { getFormatter, getNow, getTranslations } from 'next-intl/server';
import { TicketPriorityBadge, TicketStatusBadge } from '@/components/hosting/ticket-badges';
import type { TicketRow } from '@/db/queries/tickets';
import { isOverdue } from '@/lib/domain/hosting/ticket-sla';
import { Link } from '@/lib/i18n/navigation';
import { dueLabel, targetLabel } from './ticket-table';

/** The phone layout of the list: one card per ticket, so status and due time are visible without scrolling sideways. */
export async function TicketCards({ rows, unread }: { rows: TicketRow[]; unread: Set<string> }) {
  const [t, format, now] = await Promise.all([getTranslations('Tickets'), getFormatter(), getNow()]);
  return (
    <ul className="grid gap-2 md:hidden" aria-label={t('title')}>
      {rows.map((r) => {
        const late = isOverdue(r, now);
        return (
          <li key={r.id} className={`rounded-lg border p-3 ${late ? 'border-bad/50 bg-bad/10' : 'border-line bg-surface'}`} data-overdue={late || undefined}>
            <Link href={`/hosting/tickets/${r.id}`} className="block font-medium text-ink">
              {unread.has(r.id) ? <span className="mr-1.5 inline-block h-2 w-2 rounded-full bg-accent" aria-label={t('unread')} /> : null}
              <span className="mr-1.5 font-mono text-xs text-muted">#{r.number}</span>
              {r.title}
            </Link>
            <p className="mt-1 text-xs text-muted">{targetLabel(r)}</p>
            <div className="mt-2 flex flex-wrap items-center gap-2 text-xs">
              <TicketPriorityBadge priority={r.priority} />
              <TicketStatusBadge status={r.status} />
              <span className={late ? 'font-semibold text-bad' : 'text-muted'}>{dueLabel(r, late, now, format, t)}</span>
              <span className="ml-auto text-muted">{r.assigneeName ?? t('unassigned')}</span>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
