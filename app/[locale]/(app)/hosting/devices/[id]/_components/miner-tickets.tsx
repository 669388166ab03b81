import { getNow, getTranslations } from 'next-intl/server';
import { NewTicketDialog, type NewTicketOptions } from '@/components/hosting/new-ticket-dialog';
import { TicketPriorityBadge, TicketStatusBadge } from '@/components/hosting/ticket-badges';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import type { listMinerTickets } from '@/db/queries/hosting/tickets';
import { isOverdue } from '@/lib/domain/hosting/ticket-sla';
import { Link } from '@/lib/i18n/navigation';

type Tickets = Awaited<ReturnType<typeof listMinerTickets>>;

/** The miner's tickets, active first, with a way to open one about this miner. */
export async function MinerTickets({ tickets, newTicket }: { tickets: Tickets; newTicket: NewTicketOptions | null }) {
  const [t, now] = await Promise.all([getTranslations('Tickets'), getNow()]);
  const create = newTicket ? <NewTicketDialog options={newTicket} triggerLabel={t('newForMiner')} /> : null;
  return (
    <Card title={t('minerTickets', { count: tickets.total })}>
      {tickets.rows.length === 0 ? (
        <EmptyState title={t('minerNone')} action={create} />
      ) : (
        <>
          <ul className="divide-y divide-line">
            {tickets.rows.map((r) => {
              const late = isOverdue(r, now);
              return (
                <li key={r.id} className="flex flex-col gap-1 py-2 text-sm sm:flex-row sm:items-center sm:justify-between sm:gap-2">
                  <Link href={`/hosting/tickets/${r.id}`} className="min-w-0 hover:text-accent sm:flex-1 sm:truncate">
                    <span className="mr-2 font-mono text-xs text-muted">#{r.number}</span>
                    {r.title}
                  </Link>
                  <span className="flex items-center gap-2">
                    {late ? <span className="text-xs font-semibold text-bad">{t('overdue')}</span> : null}
                    <TicketPriorityBadge priority={r.priority} />
                    <TicketStatusBadge status={r.status} />
                  </span>
                </li>
              );
            })}
          </ul>
          <div className="mt-3 flex flex-wrap items-center justify-between gap-2">
            {tickets.total > tickets.rows.length ? <span className="text-xs text-muted">{t('moreTickets', { count: tickets.total - tickets.rows.length })}</span> : <span />}
            {create}
          </div>
        </>
      )}
    </Card>
  );
}
