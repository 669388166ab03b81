import type { Metadata } from 'next';
import { getNow, getTranslations, setRequestLocale } from 'next-intl/server';
import { loadNewTicketOptions } from '@/components/hosting/new-ticket-options';
import { NewTicketDialog } from '@/components/hosting/new-ticket-dialog';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination } from '@/components/ui/pagination';
import { getDb } from '@/db';
import { listTickets, unreadTicketNotices } from '@/db/queries/tickets';
import { requirePage } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { ticketListParamsSchema } from '@/lib/validation/tickets';
import { TicketFilters } from './_components/ticket-filters';
import { TicketCards } from './_components/ticket-cards';
import { TicketTable } from './_components/ticket-table';

export const metadata: Metadata = { title: 'Tickets' };

export default async function TicketsPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requirePage(locale, 'hosting:ticket');
  const raw = await searchParams;
  const q = ticketListParamsSchema.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  const db = await getDb();
  const [now, t] = await Promise.all([getNow(), getTranslations('Tickets')]);
  const canWrite = can(actor.role, 'hosting:ticket', 'FULL');
  const [page, unread, options] = await Promise.all([
    listTickets(db, actor.scope, { status: q.status, priority: q.priority, siteId: q.siteId, assigneeId: q.assigneeId, overdue: Boolean(q.overdue), mineUserId: q.mine ? actor.userId : undefined }, { page: q.page, pageSize: q.pageSize }, now),
    unreadTicketNotices(db, actor.orgId, actor.userId),
    loadNewTicketOptions(db, actor),
  ]);
  const current = { status: q.status ?? '', priority: q.priority ?? '', siteId: q.siteId ?? '', assigneeId: q.assigneeId ?? '', overdue: Boolean(q.overdue), mine: Boolean(q.mine) };
  const urlQuery = { ...current, overdue: q.overdue, mine: q.mine, pageSize: String(q.pageSize) };
  const filtered = Object.values(current).some(Boolean);
  return (
    <>
      <PageHeader title={t('title')} subtitle={unread.size ? t('unreadCount', { count: unread.size }) : undefined} actions={canWrite ? <NewTicketDialog options={options} /> : null} />
      <TicketFilters sites={options.customerView ? null : options.sites} assignees={options.assignees} current={current} />
      {page.rows.length === 0 ? (
        <EmptyState title={filtered ? t('emptyFiltered') : t('empty')} hint={canWrite ? t('emptyHint') : undefined} />
      ) : (
        <>
          <TicketTable rows={page.rows} unread={unread} />
          <TicketCards rows={page.rows} unread={unread} />
          <Pagination pathname="/hosting/tickets" query={urlQuery} page={page.page} pageCount={page.pageCount} total={page.total} />
        </>
      )}
    </>
  );
}
