import { getFormatter, getNow, getTranslations } from 'next-intl/server';
import { TicketPriorityBadge, TicketStatusBadge } from '@/components/hosting/ticket-badges';
import { DataTable } from '@/components/list/data-table';
import type { TicketRow } from '@/db/queries/hosting/tickets';
import { isOverdue } from '@/lib/domain/hosting/ticket-sla';
import { Link } from '@/lib/i18n/navigation';

/** Target in one cell: the miner when there is one, else the site, else the customer. */
export function targetLabel(r: Pick<TicketRow, 'minerName' | 'siteName' | 'customerName'>) {
  return [r.minerName, r.minerName ? null : r.siteName, r.customerName].filter(Boolean).join(' · ');
}

type Format = Awaited<ReturnType<typeof getFormatter>>;
type T = Awaited<ReturnType<typeof getTranslations<'Tickets'>>>;

/** Due time for active work only; a finished ticket has no deadline left. */
export function dueLabel(r: Pick<TicketRow, 'status' | 'slaDueAt'>, late: boolean, now: Date, format: Format, t: T) {
  if (r.status !== 'open' && r.status !== 'in_progress') return '—';
  const when = format.relativeTime(r.slaDueAt, now);
  return late ? t('overdueBy', { when }) : when;
}

/** Overdue tickets in red; on a phone one card per ticket, so status and due time show without scrolling sideways. */
export async function TicketTable({ rows, unread }: { rows: TicketRow[]; unread: Set<string> }) {
  const [t, format, now] = await Promise.all([getTranslations('Tickets'), getFormatter(), getNow()]);
  const late = (r: TicketRow) => isOverdue(r, now);
  const dot = (r: TicketRow) => (unread.has(r.id) ? <span className="mr-1.5 inline-block h-2 w-2 rounded-full bg-accent" aria-label={t('unread')} /> : null);
  const due = (r: TicketRow) => dueLabel(r, late(r), now, format, t);
  return (
    <DataTable
      label={t('title')}
      rows={rows}
      rowKey={(r) => r.id}
      rowProps={(r) => (late(r) ? { className: 'bg-bad/10', 'data-overdue': true } : {})}
      columns={[
        { key: 'number', header: '#', cellClassName: 'font-mono text-xs text-muted', cell: (r) => r.number },
        {
          key: 'title',
          header: t('titleField'),
          cellClassName: 'max-w-xs',
          cell: (r) => (
            <Link href={`/hosting/tickets/${r.id}`} className="font-medium text-ink hover:text-accent">
              {dot(r)}
              {r.title}
            </Link>
          ),
        },
        { key: 'target', header: t('target'), cellClassName: 'text-xs', cell: targetLabel },
        { key: 'priority', header: t('priorityLabel'), cell: (r) => <TicketPriorityBadge priority={r.priority} /> },
        { key: 'status', header: t('statusLabel'), cellClassName: 'whitespace-nowrap', cell: (r) => <TicketStatusBadge status={r.status} /> },
        { key: 'assignee', header: t('assignee'), cellClassName: 'text-xs', cell: (r) => r.assigneeName ?? <span className="text-muted">{t('unassigned')}</span> },
        { key: 'due', header: t('due'), cellClassName: (r) => `whitespace-nowrap text-xs ${late(r) ? 'font-semibold text-bad' : 'text-muted'}`, cell: due },
      ]}
      card={(r) => (
        <div className={`rounded-lg border p-3 ${late(r) ? 'border-bad/50 bg-bad/10' : 'border-line bg-surface'}`} data-overdue={late(r) || undefined}>
          <Link href={`/hosting/tickets/${r.id}`} className="block font-medium text-ink">
            {dot(r)}
            <span className="mr-1.5 font-mono text-xs text-muted">#{r.number}</span>
            {r.title}
          </Link>
          <p className="mt-1 text-xs text-muted">{targetLabel(r)}</p>
          <div className="mt-2 flex flex-wrap items-center gap-2 text-xs">
            <TicketPriorityBadge priority={r.priority} />
            <TicketStatusBadge status={r.status} />
            <span className={late(r) ? 'font-semibold text-bad' : 'text-muted'}>{due(r)}</span>
            <span className="ml-auto text-muted">{r.assigneeName ?? t('unassigned')}</span>
          </div>
        </div>
      )}
    />
  );
}
