import { and, asc, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Scope } from '@/lib/core/scope';
import { normalizeRole } from '@/lib/core/roles';
import type { SystemFinding } from '@/lib/domain/system/thresholds';
import type { Db } from '../../client';
import { type Page, type PageRequest, pageOf, windowTotal } from '../pagination';
import { memberships, notificationChannels, systemAlerts, users } from '../../schema';

/** A finding is raised once per (kind, subject, UTC day): a problem that lasts is sent once a day, not every five minutes. */
export async function raiseSystemAlerts(db: Db, findings: SystemFinding[], now: Date): Promise<number> {
  if (!findings.length) return 0;
  const period = now.toISOString().slice(0, 10);
  const rows = await db
    .insert(systemAlerts)
    .values(findings.map((f) => ({ orgId: f.orgId, kind: f.kind, subject: f.subject, period, severity: f.severity, detail: f.detail, raisedAt: now })))
    .onConflictDoNothing()
    .returning({ id: systemAlerts.id });
  return rows.length;
}

export type SystemAlertRow = { id: string; orgId: string | null; kind: string; subject: string; period: string; severity: string; detail: Record<string, string | number | null>; raisedAt: Date };

/**
 * Unsent findings and where each goes: the installation's own to every owner's and admin's
 * channels (the people who run it), a collector's to its organization's owners and admins.
 */
export async function unsentSystemAlerts(db: Db) {
  const alerts = await db.select().from(systemAlerts).where(isNull(systemAlerts.notifiedAt)).orderBy(asc(systemAlerts.raisedAt), asc(systemAlerts.id));
  if (!alerts.length) return { alerts: [], channels: [] };
  const rows = await db
    .select({ channel: notificationChannels, locale: users.locale, role: memberships.role })
    .from(notificationChannels)
    .innerJoin(users, eq(users.id, notificationChannels.userId))
    .innerJoin(memberships, and(eq(memberships.userId, notificationChannels.userId), eq(memberships.orgId, notificationChannels.orgId)))
    .where(isNull(users.disabledAt))
    .orderBy(asc(notificationChannels.id));
  const channels = rows.filter((r) => ['OWNER', 'ADMIN'].includes(normalizeRole(r.role))).map(({ channel, locale }) => ({ channel, locale }));
  return { alerts: alerts as SystemAlertRow[], channels };
}

export async function markSystemAlertsNotified(db: Db, ids: string[], now: Date): Promise<void> {
  if (ids.length) await db.update(systemAlerts).set({ notifiedAt: now }).where(inArray(systemAlerts.id, ids));
}

/** The findings a user may read, newest first: the installation's own, and its organization's. */
export async function listSystemAlerts(db: Db, scope: Scope, req: PageRequest): Promise<Page<SystemAlertRow>> {
  return pageOf(
    req,
    db
      .select({ id: systemAlerts.id, orgId: systemAlerts.orgId, kind: systemAlerts.kind, subject: systemAlerts.subject, period: systemAlerts.period, severity: systemAlerts.severity, detail: systemAlerts.detail, raisedAt: systemAlerts.raisedAt, total: windowTotal() })
      .from(systemAlerts)
      .where(or(isNull(systemAlerts.orgId), eq(systemAlerts.orgId, scope.orgId)))
      .orderBy(desc(systemAlerts.raisedAt), desc(systemAlerts.id)),
  ) as Promise<Page<SystemAlertRow>>;
}

/** Findings raised more than 90 days ago are dropped. */
export async function purgeSystemAlerts(db: Db, now: Date): Promise<void> {
  await db.delete(systemAlerts).where(sql`${systemAlerts.raisedAt} < ${now.toISOString()}::timestamptz - interval '90 days'`);
}
