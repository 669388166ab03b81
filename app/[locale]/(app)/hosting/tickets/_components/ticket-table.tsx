import { getFormatter, getNow, getTranslations } from 'next-intl/server';
import { TicketPriorityBadge, TicketStatusBadge } from '@/components/hosting/ticket-badges';
import { Table, Td, Th } from '@/components/ui/table';
import type { TicketRow } from '@/db/queries/tickets';
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

export async function TicketTable({ rows, unread }: { rows: TicketRow[]; unread: Set<string> }) {
  const [t, format, now] = await Promise.all([getTranslations('Tickets'), getFormatter(), getNow()]);
  return (
    <div className="hidden md:block">
    <Table label={t('title')}>
      <thead>
        <tr>
          <Th>#</Th>
          <Th>{t('titleField')}</Th>
          <Th>{t('target')}</Th>
          <Th>{t('priorityLabel')}</Th>
          <Th>{t('statusLabel')}</Th>
          <Th>{t('assignee')}</Th>
          <Th>{t('due')}</Th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const late = isOverdue(r, now);
          return (
            <tr key={r.id} className={late ? 'bg-bad/10' : undefined} data-overdue={late || undefined}>
              <Td className="font-mono text-xs text-muted">{r.number}</Td>
              <Td className="max-w-xs">
                <Link href={`/hosting/tickets/${r.id}`} className="font-medium text-ink hover:text-accent">
                  {unread.has(r.id) ? <span className="mr-1.5 inline-block h-2 w-2 rounded-full bg-accent" aria-label={t('unread')} /> : null}
                  {r.title}
                </Link>
              </Td>
              <Td className="text-xs">{targetLabel(r)}</Td>
              <Td>
                <TicketPriorityBadge priority={r.priority} />
              </Td>
              <Td className="whitespace-nowrap">
                <TicketStatusBadge status={r.status} />
              </Td>
              <Td className="text-xs">{r.assigneeName ?? <span className="text-muted">{t('unassigned')}</span>}</Td>
              <Td className={`whitespace-nowrap text-xs ${late ? 'font-semibold text-bad' : 'text-muted'}`}>
                {dueLabel(r, late, now, format, t)}
              </Td>
            </tr>
          );
        })}
      </tbody>
    </Table>
    </div>
  );
}
