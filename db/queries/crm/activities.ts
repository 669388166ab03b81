import { aliasedTable, and, asc, desc, eq, isNull, lt, sql } from 'drizzle-orm';
import { AppError } from '@/lib/core/errors';
import type { Principal } from '@/lib/core/principal';
import type { ActivityInput } from '@/lib/validation/crm';
import type { Db } from '../../client';
import { crmActivities, customers, deals, leads, users } from '../../schema';
import { recordAudit } from '../admin/audit';
import { type PageRequest, pageOf, windowTotal } from '../pagination';
import { managedCustomer, managedLead } from './managed';
import { activityWhere, dealWhere, isCrmAdmin } from './scope';
import { assertStaff, fieldError } from './tx';

const owner = aliasedTable(users, 'owner');

export type ActivityFilter = { customerId?: string; leadId?: string; overdue?: boolean; mineUserId?: string; openTasks?: boolean };

/**
 * Activities in scope: open tasks first, soonest due on top (overdue ones therefore lead), then the
 * rest newest first. `overdue` keeps open tasks past due at `now`; one statement with its total.
 */
export async function listActivities(db: Db, who: Principal, filter: ActivityFilter, req: PageRequest, now: Date) {
  const openTask = sql`(${crmActivities.kind} = 'task' and ${crmActivities.completedAt} is null)`;
  const query = db
    .select({
      id: crmActivities.id,
      kind: crmActivities.kind,
      subject: crmActivities.subject,
      body: crmActivities.body,
      dueAt: crmActivities.dueAt,
      completedAt: crmActivities.completedAt,
      createdAt: crmActivities.createdAt,
      customerId: crmActivities.customerId,
      customerName: customers.name,
      leadId: crmActivities.leadId,
      leadName: leads.name,
      dealTitle: deals.title,
      ownerName: owner.name,
      total: windowTotal(),
    })
    .from(crmActivities)
    .leftJoin(customers, eq(customers.id, crmActivities.customerId))
    .leftJoin(leads, eq(leads.id, crmActivities.leadId))
    .leftJoin(deals, eq(deals.id, crmActivities.dealId))
    .leftJoin(owner, eq(owner.id, crmActivities.ownerUserId))
    .where(
      and(
        activityWhere(who),
        filter.customerId ? eq(crmActivities.customerId, filter.customerId) : undefined,
        filter.leadId ? eq(crmActivities.leadId, filter.leadId) : undefined,
        filter.mineUserId ? eq(crmActivities.ownerUserId, filter.mineUserId) : undefined,
        filter.openTasks || filter.overdue ? openTask : undefined,
        filter.overdue ? lt(crmActivities.dueAt, now) : undefined,
      ),
    )
    .orderBy(sql`case when ${openTask} then 0 else 1 end`, sql`case when ${openTask} then ${crmActivities.dueAt} end asc`, desc(crmActivities.createdAt), asc(crmActivities.id));
  return pageOf(req, query);
}
export type ActivityRow = Awaited<ReturnType<typeof listActivities>>['rows'][number];

/** Logs a call, meeting or e-mail, or sets a task, on a customer or lead the principal sees (and optionally one of its deals). */
export async function createActivity(db: Db, who: Principal, input: ActivityInput, now: Date) {
  return db.transaction(async (tx) => {
    if (input.customerId) await managedCustomer(tx, who, input.customerId, 'customerId');
    if (input.leadId) await managedLead(tx, who, input.leadId, 'leadId');
    if (input.dealId) {
      const [deal] = await tx.select({ customerId: deals.customerId, leadId: deals.leadId }).from(deals).where(and(dealWhere(who), eq(deals.id, input.dealId)));
      if (!deal || (input.customerId && deal.customerId !== input.customerId) || (input.leadId && deal.leadId !== input.leadId)) throw fieldError('dealId');
    }
    const ownerUserId = isCrmAdmin(who) ? (input.ownerUserId ?? who.userId) : who.userId;
    await assertStaff(tx, who.orgId, ownerUserId, 'ownerUserId');
    const [row] = await tx
      .insert(crmActivities)
      .values({ orgId: who.orgId, customerId: input.customerId, leadId: input.leadId, dealId: input.dealId, kind: input.kind, subject: input.subject, body: input.body, dueAt: input.dueAt, ownerUserId, createdByUserId: who.userId, createdAt: now })
      .returning({ id: crmActivities.id });
    await recordAudit(tx, { orgId: who.orgId, actorUserId: who.userId, action: 'activity.create', entityType: 'activity', entityId: row!.id, before: null, after: { kind: input.kind, subject: input.subject, customerId: input.customerId, leadId: input.leadId, dueAt: input.dueAt?.toISOString() ?? null } });
    return row!;
  });
}

/** Marks an open task done; done already is a CONFLICT (two people ticked it). */
export async function completeTask(db: Db, who: Principal, id: string, now: Date) {
  return db.transaction(async (tx) => {
    const [task] = await tx.select({ id: crmActivities.id, kind: crmActivities.kind, completedAt: crmActivities.completedAt }).from(crmActivities).where(and(activityWhere(who), eq(crmActivities.id, id))).for('update');
    if (!task) throw new AppError('NOT_FOUND');
    if (task.kind !== 'task' || task.completedAt) throw new AppError('CONFLICT', 'Not an open task');
    await tx.update(crmActivities).set({ completedAt: now }).where(and(eq(crmActivities.id, id), isNull(crmActivities.completedAt)));
    await recordAudit(tx, { orgId: who.orgId, actorUserId: who.userId, action: 'activity.complete', entityType: 'activity', entityId: id, before: { completedAt: null }, after: { completedAt: now.toISOString() } });
    return { id };
  });
}
