import { notFound } from 'next/navigation';
import { getFormatter, getNow, getTranslations } from 'next-intl/server';
import { pageTitle } from '@/lib/i18n/page-title';
import { type ItemPageProps, openItemPage } from '@/lib/list/open-item-page';
import { TicketPriorityBadge, TicketStatusBadge } from '@/components/hosting/ticket-badges';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { listAssignees } from '@/db/queries/hosting/ticket-assignees';
import { isCustomerView } from '@/db/queries/hosting/ticket-scope';
import { getTicket, listTicketComments, listTicketMiners, markTicketNoticesRead } from '@/db/queries/hosting/tickets';
import { can } from '@/lib/auth/permissions';
import { isOverdue } from '@/lib/domain/hosting/ticket-sla';
import { nextStatuses } from '@/lib/domain/hosting/ticket-status';
import { Link } from '@/lib/i18n/navigation';
import { dueLabel } from '../_components/ticket-table';
import { AssignForm } from './_components/assign-form';
import { CommentForm } from './_components/comment-form';
import { CommentThread } from './_components/comment-thread';
import { StatusButtons } from './_components/status-buttons';

export const generateMetadata = pageTitle('ticket');

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="flex justify-between gap-4 border-b border-line py-2 text-sm last:border-0">
      <dt className="text-muted">{label}</dt>
      <dd className="text-right">{children}</dd>
    </div>
  );
}

export default async function TicketPage(props: ItemPageProps) {
  const { id, actor } = await openItemPage(props, 'hosting:ticket');
  const db = await getDb();
  const ticket = await getTicket(db, actor.scope, id);
  if (!ticket) notFound();
  const customerView = isCustomerView(actor.scope);
  const canWrite = can(actor.role, 'hosting:ticket', 'FULL');
  const [comments, machines, assignees, t, format, now] = await Promise.all([
    listTicketComments(db, actor.scope, id),
    listTicketMiners(db, actor.scope, id),
    canWrite && !customerView ? listAssignees(db, actor.orgId, ticket) : Promise.resolve([]),
    getTranslations('Tickets'),
    getFormatter(),
    getNow(),
  ]);
  // Opening the ticket is reading its notices; only the viewer's own unread rows change.
  await markTicketNoticesRead(db, actor.userId, id, now);
  const late = isOverdue(ticket, now);
  const active = ticket.status === 'open' || ticket.status === 'in_progress';
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short' }) : '—');
  const link = (href: string, text: string) => (
    <Link href={href} className="text-accent hover:underline">
      {text}
    </Link>
  );

  return (
    <>
      <Link href="/hosting/tickets" className="text-sm text-muted hover:text-ink">
        ← {t('back')}
      </Link>
      <PageHeader
        title={
          <>
            <span className="mr-2 font-mono text-muted">#{ticket.number}</span>
            {ticket.title}
          </>
        }
        subtitle={t('openedBy', { name: ticket.createdByName ?? t('deletedUser'), when: when(ticket.createdAt) })}
        actions={
          <div className="flex gap-2">
            <TicketPriorityBadge priority={ticket.priority} />
            <TicketStatusBadge status={ticket.status} />
          </div>
        }
      />
      {canWrite ? (
        <div className="mb-4">
          <StatusButtons id={ticket.id} current={ticket.status} next={nextStatuses(ticket.status, customerView ? 'customer' : 'staff')} />
        </div>
      ) : null}
      <div className="grid gap-4 lg:grid-cols-3">
        <div className="grid content-start gap-4 lg:col-span-2">
          <Card title={t('description')}>{ticket.body ? <p className="whitespace-pre-wrap break-words text-sm">{ticket.body}</p> : <p className="text-sm text-muted">{t('noDescription')}</p>}</Card>
          {machines.total ? (
            <Card title={t('machines', { count: machines.total })}>
              <ul className="flex flex-wrap gap-x-3 gap-y-1 text-sm" data-testid="ticket-machines">
                {machines.rows.map((m) => (
                  <li key={m.id}>{link(`/hosting/devices/${m.id}`, m.name)}</li>
                ))}
              </ul>
              {machines.total > machines.rows.length ? <p className="mt-2 text-xs text-muted">{t('machinesMore', { count: machines.total - machines.rows.length })}</p> : null}
            </Card>
          ) : null}
          <Card title={t('comments', { count: comments.length })}>
            <CommentThread comments={comments} />
            {canWrite ? (
              <div className="mt-4 border-t border-line pt-4">
                <CommentForm id={ticket.id} canInternal={!customerView} />
              </div>
            ) : null}
          </Card>
        </div>
        <div className="grid content-start gap-4">
          <Card title={t('details')}>
            <dl>
              {ticket.minerId && ticket.minerName ? <Row label={t('targetKind.miner')}>{link(`/hosting/devices/${ticket.minerId}`, ticket.minerName)}</Row> : null}
              {ticket.siteId && ticket.siteName ? <Row label={t('site')}>{customerView ? ticket.siteName : link(`/hosting/devices?siteId=${ticket.siteId}`, ticket.siteName)}</Row> : null}
              {ticket.customerId && ticket.customerName ? <Row label={t('customer')}>{link(`/hosting/devices?customerId=${ticket.customerId}`, ticket.customerName)}</Row> : null}
              <Row label={t('assignee')}>{ticket.assigneeName ?? <span className="text-muted">{t('unassigned')}</span>}</Row>
              <Row label={t('due')}>
                {active ? (
                  <>
                    {when(ticket.slaDueAt)}
                    <span className={`block text-xs ${late ? 'font-semibold text-bad' : 'text-muted'}`} data-overdue={late || undefined}>
                      {dueLabel(ticket, late, now, format, t)}
                    </span>
                  </>
                ) : (
                  '—'
                )}
              </Row>
              <Row label={t('updated')}>{when(ticket.updatedAt)}</Row>
              {ticket.resolvedAt ? <Row label={t('resolvedAt')}>{when(ticket.resolvedAt)}</Row> : null}
              {ticket.closedAt ? <Row label={t('closedAt')}>{when(ticket.closedAt)}</Row> : null}
            </dl>
          </Card>
          {canWrite && !customerView ? (
            <Card title={t('assignTitle')}>
              <AssignForm id={ticket.id} assigneeUserId={ticket.assigneeUserId} assignees={assignees.map((a) => ({ id: a.id, name: a.name }))} />
            </Card>
          ) : null}
        </div>
      </div>
    </>
  );
}
