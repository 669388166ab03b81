import { and, count, desc, eq, inArray, isNull, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { memberships, notificationChannels, poolAccounts, poolWorkerAlerts } from '../schema';
import { offsetOf, type PageRequest, toPage } from './pagination';

export type AlertKind = (typeof poolWorkerAlerts.$inferSelect)['kind'];
export type AlertSubject = { subject: string; detail: Record<string, unknown> };

/**
 * Opens or refreshes the alerts in `current` and resolves the open alerts of the same kind and
 * account that are no longer in it: detection is a pure function of the latest reading, so a
 * re-run with the same reading changes nothing and a recovered worker closes its alert.
 */
export async function syncAlerts(db: Db, p: { orgId: string; accountId: string | null; kind: AlertKind; current: AlertSubject[]; at: Date }) {
  let opened = 0;
  for (let i = 0; i < p.current.length; i += 500) {
    const rows = await db
      .insert(poolWorkerAlerts)
      .values(p.current.slice(i, i + 500).map((c) => ({ orgId: p.orgId, accountId: p.accountId, kind: p.kind, subject: c.subject, detail: c.detail, openedAt: p.at, lastSeenAt: p.at })))
      .onConflictDoUpdate({
        target: [poolWorkerAlerts.orgId, poolWorkerAlerts.kind, poolWorkerAlerts.subject],
        targetWhere: isNull(poolWorkerAlerts.resolvedAt),
        set: { lastSeenAt: p.at, detail: sql`excluded.detail` },
      })
      .returning({ inserted: sql<boolean>`(xmax = 0)` });
    opened += rows.filter((r) => r.inserted).length;
  }
  const subjects = p.current.map((c) => c.subject);
  const resolved = await db
    .update(poolWorkerAlerts)
    .set({ resolvedAt: p.at })
    .where(
      and(
        eq(poolWorkerAlerts.orgId, p.orgId),
        eq(poolWorkerAlerts.kind, p.kind),
        p.accountId ? eq(poolWorkerAlerts.accountId, p.accountId) : isNull(poolWorkerAlerts.accountId),
        isNull(poolWorkerAlerts.resolvedAt),
        subjects.length ? notInArray(poolWorkerAlerts.subject, subjects) : undefined,
      ),
    )
    .returning({ id: poolWorkerAlerts.id });
  return { opened, resolved: resolved.length };
}

export async function openAlertCounts(db: Db, orgId: string) {
  const rows = await db
    .select({ kind: poolWorkerAlerts.kind, n: count() })
    .from(poolWorkerAlerts)
    .where(and(eq(poolWorkerAlerts.orgId, orgId), isNull(poolWorkerAlerts.resolvedAt)))
    .groupBy(poolWorkerAlerts.kind);
  return Object.fromEntries(rows.map((r) => [r.kind, r.n])) as Partial<Record<AlertKind, number>>;
}

export async function listAlerts(db: Db, orgId: string, filter: { open?: boolean; kind?: AlertKind }, req: PageRequest) {
  const where = and(
    eq(poolWorkerAlerts.orgId, orgId),
    filter.open === undefined ? undefined : filter.open ? isNull(poolWorkerAlerts.resolvedAt) : sql`${poolWorkerAlerts.resolvedAt} is not null`,
    filter.kind ? eq(poolWorkerAlerts.kind, filter.kind) : undefined,
  );
  const rows = await db
    .select({ id: poolWorkerAlerts.id, kind: poolWorkerAlerts.kind, subject: poolWorkerAlerts.subject, detail: poolWorkerAlerts.detail, openedAt: poolWorkerAlerts.openedAt, lastSeenAt: poolWorkerAlerts.lastSeenAt, resolvedAt: poolWorkerAlerts.resolvedAt, account: poolAccounts.label })
    .from(poolWorkerAlerts)
    .leftJoin(poolAccounts, eq(poolAccounts.id, poolWorkerAlerts.accountId))
    .where(where)
    .orderBy(desc(poolWorkerAlerts.lastSeenAt), poolWorkerAlerts.subject)
    .limit(req.pageSize)
    .offset(offsetOf(req));
  const [{ n }] = (await db.select({ n: count() }).from(poolWorkerAlerts).where(where)) as [{ n: number }];
  return toPage(rows, n, req);
}

/** Open alerts not yet sent, oldest first; marked as notified once the digest is handed over. */
export async function unnotifiedAlerts(db: Db, orgId: string, limit = 200) {
  return db
    .select({ id: poolWorkerAlerts.id, kind: poolWorkerAlerts.kind, subject: poolWorkerAlerts.subject, openedAt: poolWorkerAlerts.openedAt })
    .from(poolWorkerAlerts)
    .where(and(eq(poolWorkerAlerts.orgId, orgId), isNull(poolWorkerAlerts.resolvedAt), isNull(poolWorkerAlerts.notifiedAt)))
    .orderBy(poolWorkerAlerts.openedAt)
    .limit(limit);
}

export async function markNotified(db: Db, ids: string[], at: Date) {
  if (ids.length) await db.update(poolWorkerAlerts).set({ notifiedAt: at }).where(inArray(poolWorkerAlerts.id, ids));
}

/** The alert channels of the organization's owners and admins: the people who run the pool side. */
export async function poolAlertChannels(db: Db, orgId: string) {
  return db
    .select({ id: notificationChannels.id, userId: notificationChannels.userId, kind: notificationChannels.kind, target: notificationChannels.target, secretEnc: notificationChannels.secretEnc })
    .from(notificationChannels)
    .innerJoin(memberships, and(eq(memberships.userId, notificationChannels.userId), eq(memberships.orgId, orgId)))
    .where(and(eq(notificationChannels.orgId, orgId), inArray(sql`upper(${memberships.role})`, ['OWNER', 'ADMIN'])));
}
