import { getNow, getTranslations } from 'next-intl/server';
import { loadNewTicketOptions } from '@/components/hosting/new-ticket-options';
import { NewTicketDialog } from '@/components/hosting/new-ticket-dialog';
import { ListFrame } from '@/components/list/list-frame';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { listTickets, unreadTicketNotices } from '@/db/queries/hosting/tickets';
import { can } from '@/lib/auth/permissions';
import { pageTitle } from '@/lib/i18n/page-title';
import { type ListPageProps, openListPage } from '@/lib/list/open-list-page';
import { ticketListPageSchema } from '@/lib/validation/tickets';
import { TicketFilters } from './_components/ticket-filters';
import { TicketTable } from './_components/ticket-table';

export const generateMetadata = pageTitle('tickets');

export default async function TicketsPage(props: ListPageProps) {
  const { actor, q, query } = await openListPage(props, 'hosting:ticket', ticketListPageSchema);
  const db = await getDb();
  const [now, t] = await Promise.all([getNow(), getTranslations('Tickets')]);
  const canWrite = can(actor.role, 'hosting:ticket', 'FULL');
  const [page, unread, options] = await Promise.all([
    listTickets(db, actor.scope, { status: q.status, priority: q.priority, siteId: q.siteId, assigneeId: q.assigneeId, overdue: q.overdue, mineUserId: q.mine ? actor.userId : undefined }, q, now),
    unreadTicketNotices(db, actor.orgId, actor.userId),
    loadNewTicketOptions(db, actor),
  ]);
  const hint = canWrite ? t('emptyHint') : undefined;
  return (
    <>
      <PageHeader title={t('title')} subtitle={unread.size ? t('unreadCount', { count: unread.size }) : undefined} actions={canWrite ? <NewTicketDialog options={options} /> : null} />
      <TicketFilters sites={options.customerView ? null : options.sites} assignees={options.assignees} query={query} />
      <ListFrame pathname="/hosting/tickets" query={query} page={page} empty={{ title: t('empty'), hint }} emptyFiltered={{ title: t('emptyFiltered'), hint }}>
        <TicketTable rows={page.rows} unread={unread} />
      </ListFrame>
    </>
  );
}
