import { and, eq, gte, inArray, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import { DUE_SOON_MS, OVERDUE_WINDOW_MS } from '@/lib/domain/crm/task-reminder';
import type { Db } from '../../client';
import { crmActivities, customers, leads, memberships, notificationChannels, users } from '../../schema';

export type TaskToRemind = { id: string; orgId: string; subject: string; dueAt: Date; party: string; owner: { id: string; email: string; name: string; locale: string } };

/**
 * Open tasks whose reminder window is now (due within the hour, or overdue for up to a week), across
 * organizations, each with its owner — an enabled member of the task's organization (a disabled or
 * departed owner is reminded of nothing). One statement; the stage is decided in lib/domain.
 */
export async function tasksToRemind(db: Db, now: Date): Promise<TaskToRemind[]> {
  const rows = await db
    .select({
      id: crmActivities.id,
      orgId: crmActivities.orgId,
      subject: crmActivities.subject,
      dueAt: crmActivities.dueAt,
      party: sql<string>`coalesce(${customers.name}, ${leads.company}, ${leads.name}, '')`,
      ownerId: users.id,
      ownerEmail: users.email,
      ownerName: users.name,
      ownerLocale: users.locale,
    })
    .from(crmActivities)
    .innerJoin(users, eq(users.id, crmActivities.ownerUserId))
    .innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.orgId, crmActivities.orgId)))
    .leftJoin(customers, eq(customers.id, crmActivities.customerId))
    .leftJoin(leads, eq(leads.id, crmActivities.leadId))
    .where(
      and(
        eq(crmActivities.kind, 'task'),
        isNull(crmActivities.completedAt),
        isNotNull(crmActivities.dueAt),
        isNull(users.disabledAt),
        lte(crmActivities.dueAt, new Date(now.getTime() + DUE_SOON_MS)),
        gte(crmActivities.dueAt, new Date(now.getTime() - OVERDUE_WINDOW_MS)),
      ),
    )
    .orderBy(crmActivities.dueAt)
    .limit(5000);
  return rows.map((r) => ({ id: r.id, orgId: r.orgId, subject: r.subject, dueAt: r.dueAt!, party: r.party, owner: { id: r.ownerId, email: r.ownerEmail, name: r.ownerName, locale: r.ownerLocale } }));
}

/** The owners' own notification channels (e-mail, webhook, Slack, Telegram), by user. */
export async function channelsOfUsers(db: Db, userIds: string[]) {
  if (!userIds.length) return [];
  return db.select().from(notificationChannels).where(inArray(notificationChannels.userId, userIds));
}
