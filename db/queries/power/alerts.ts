import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import { AppError } from '@/lib/core/errors';
import { isOrgWide, type Scope } from '@/lib/core/scope';
import type { PowerAlert, PowerAlertKind } from '@/lib/domain/power/alerts';
import type { Db } from '../../client';
import { notificationChannels, powerAlertChannels, powerAlerts, sites, users } from '../../schema';
import { recordAudit } from '../admin/audit';
import { type Page, type PageRequest, pageOf, windowTotal } from '../pagination';
import { scopeWhere } from '../scope';

/**
 * Stores what the job decided; an alert already raised for its (site, kind, period) is left as it
 * was, so a re-run raises nothing new. Returns the ids of the alerts new in this call.
 */
export async function raisePowerAlerts(db: Db, alerts: (PowerAlert & { orgId: string })[], now: Date): Promise<string[]> {
  if (!alerts.length) return [];
  const rows = await db
    .insert(powerAlerts)
    .values(alerts.map((a) => ({ orgId: a.orgId, siteId: a.siteId, kind: a.kind, severity: a.severity, period: a.period, detail: a.detail, raisedAt: now })))
    .onConflictDoNothing({ target: [powerAlerts.siteId, powerAlerts.kind, powerAlerts.period] })
    .returning({ id: powerAlerts.id });
  return rows.map((r) => r.id);
}

/** Organizations with alerts not yet sent to their channels. */
export async function orgsWithUnsentPowerAlerts(db: Db): Promise<string[]> {
  const rows = await db.selectDistinct({ orgId: powerAlerts.orgId }).from(powerAlerts).where(isNull(powerAlerts.notifiedAt));
  return rows.map((r) => r.orgId);
}

/** An organization's unsent alerts (oldest first, with the site's name and zone) and the channels they go to, secrets sealed. */
export async function unsentPowerAlerts(db: Db, orgId: string) {
  const alerts = await db
    .select({ id: powerAlerts.id, siteId: powerAlerts.siteId, site: sites.name, timeZone: sites.timeZone, kind: powerAlerts.kind, severity: powerAlerts.severity, period: powerAlerts.period, detail: powerAlerts.detail, raisedAt: powerAlerts.raisedAt })
    .from(powerAlerts)
    .innerJoin(sites, eq(sites.id, powerAlerts.siteId))
    .where(and(eq(powerAlerts.orgId, orgId), isNull(powerAlerts.notifiedAt)))
    .orderBy(asc(powerAlerts.raisedAt), asc(powerAlerts.id));
  const channels = await db
    .select({ channel: notificationChannels, locale: users.locale })
    .from(powerAlertChannels)
    .innerJoin(notificationChannels, eq(notificationChannels.id, powerAlertChannels.channelId))
    .innerJoin(users, eq(users.id, notificationChannels.userId))
    .where(eq(powerAlertChannels.orgId, orgId))
    .orderBy(asc(notificationChannels.id));
  return { alerts: alerts.map((a) => ({ ...a, kind: a.kind as PowerAlertKind })), channels };
}

/** Marks alerts sent (every channel was tried; failures stay in notification_deliveries with their error). */
export async function markPowerAlertsNotified(db: Db, ids: string[], now: Date) {
  if (ids.length) await db.update(powerAlerts).set({ notifiedAt: now }).where(inArray(powerAlerts.id, ids));
}

export type PowerAlertRow = { id: string; siteId: string; site: string; timeZone: string; kind: PowerAlertKind; severity: string; period: string; detail: Record<string, string | number | null>; raisedAt: Date };

/** Alerts in scope, newest first, one page and the total (staff only: contracts and tariffs are the host's). */
export async function listPowerAlerts(db: Db, scope: Scope, filter: { siteId?: string; kind?: PowerAlertKind }, req: PageRequest): Promise<Page<PowerAlertRow>> {
  if (scope.customers !== 'all') throw new AppError('FORBIDDEN');
  const where = and(scopeWhere({ orgId: powerAlerts.orgId, siteId: powerAlerts.siteId }, scope), filter.siteId ? eq(powerAlerts.siteId, filter.siteId) : undefined, filter.kind ? eq(powerAlerts.kind, filter.kind) : undefined);
  const page = await pageOf(
    req,
    db
      .select({ id: powerAlerts.id, siteId: powerAlerts.siteId, site: sites.name, timeZone: sites.timeZone, kind: powerAlerts.kind, severity: powerAlerts.severity, period: powerAlerts.period, detail: powerAlerts.detail, raisedAt: powerAlerts.raisedAt, total: windowTotal() })
      .from(powerAlerts)
      .innerJoin(sites, eq(sites.id, powerAlerts.siteId))
      .where(where)
      .orderBy(desc(powerAlerts.raisedAt), desc(powerAlerts.id)),
  );
  return { ...page, rows: page.rows.map((r) => ({ ...r, kind: r.kind as PowerAlertKind })) };
}

export async function powerAlertChannelIds(db: Db, orgId: string): Promise<string[]> {
  const rows = await db.select({ id: powerAlertChannels.channelId }).from(powerAlertChannels).where(eq(powerAlertChannels.orgId, orgId));
  return rows.map((r) => r.id);
}

/** Sets where the organization's power alerts go; an organization-wide role only (they cover every site). */
export async function savePowerAlertChannels(db: Db, scope: Scope, actorUserId: string, channelIds: string[]) {
  if (!isOrgWide(scope)) throw new AppError('FORBIDDEN');
  return db.transaction(async (tx) => {
    const ids = [...new Set(channelIds)];
    if (ids.length) {
      const found = await tx.select({ id: notificationChannels.id }).from(notificationChannels).where(and(eq(notificationChannels.orgId, scope.orgId), inArray(notificationChannels.id, ids)));
      if (found.length !== ids.length) throw new AppError('NOT_FOUND', 'channel', { channelIds: 'invalid' });
    }
    const before = await powerAlertChannelIds(tx, scope.orgId);
    await tx.delete(powerAlertChannels).where(eq(powerAlertChannels.orgId, scope.orgId));
    if (ids.length) await tx.insert(powerAlertChannels).values(ids.map((channelId) => ({ orgId: scope.orgId, channelId })));
    await recordAudit(tx, { orgId: scope.orgId, actorUserId, action: 'power.alert-channels.update', entityType: 'organization', entityId: scope.orgId, before: { channelIds: before }, after: { channelIds: ids } });
  });
}
