import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { AppError } from '@/lib/core/errors';
import type { Scope } from '@/lib/core/scope';
import { POOL_ALERT_KINDS, POOL_SEVERITY } from '@/lib/domain/alerts/severity';
import { type Db, queryRows } from '../../client';
import { alertEscalationSettings, edgeAlerts, notificationChannels, poolWorkerAlerts, users } from '../../schema';
import { recordAudit } from '../admin/audit';

export async function escalationSettings(db: Db, orgId: string) {
  const [row] = await db.select({ afterMinutes: alertEscalationSettings.afterMinutes, channelId: alertEscalationSettings.channelId }).from(alertEscalationSettings).where(eq(alertEscalationSettings.orgId, orgId));
  return row ?? null;
}

/** Sets the organization's escalation; only an organization-wide role may (it reaches every site's alerts). */
export async function saveEscalationSettings(db: Db, scope: Scope, actorUserId: string, input: { afterMinutes: number; channelId: string | null }, now: Date) {
  if (scope.sites !== 'all' || scope.customers !== 'all') throw new AppError('FORBIDDEN');
  return db.transaction(async (tx) => {
    if (input.channelId) {
      const [ch] = await tx.select({ id: notificationChannels.id }).from(notificationChannels).where(and(eq(notificationChannels.id, input.channelId), eq(notificationChannels.orgId, scope.orgId)));
      if (!ch) throw new AppError('NOT_FOUND', 'channel', { channelId: 'invalid' });
    }
    const before = await escalationSettings(tx, scope.orgId);
    const values = { afterMinutes: input.afterMinutes, channelId: input.channelId, updatedBy: actorUserId, updatedAt: now };
    await tx.insert(alertEscalationSettings).values({ orgId: scope.orgId, ...values }).onConflictDoUpdate({ target: alertEscalationSettings.orgId, set: values });
    await recordAudit(tx, { orgId: scope.orgId, actorUserId, action: 'alert.escalation.update', entityType: 'organization', entityId: scope.orgId, before, after: { afterMinutes: input.afterMinutes, channelId: input.channelId } });
  });
}

/** Organizations whose escalation is on (a channel set). */
export async function orgsEscalating(db: Db): Promise<string[]> {
  const rows = await db.select({ orgId: alertEscalationSettings.orgId }).from(alertEscalationSettings).where(sql`${alertEscalationSettings.channelId} is not null`);
  return rows.map((r) => r.orgId);
}

/** The second contact: the channel (secret still sealed) and its owner's locale. */
export async function escalationTarget(db: Db, orgId: string) {
  const [row] = await db
    .select({ afterMinutes: alertEscalationSettings.afterMinutes, channel: notificationChannels, locale: users.locale })
    .from(alertEscalationSettings)
    .innerJoin(notificationChannels, eq(notificationChannels.id, alertEscalationSettings.channelId))
    .innerJoin(users, eq(users.id, notificationChannels.userId))
    .where(eq(alertEscalationSettings.orgId, orgId));
  return row ?? null;
}

export type DueEdgeAlert = { alertId: string; ruleId: string; rule: string; siteId: string; site: string; minerId: string; miner: string; value: string | null; openedAt: string };
export type DuePoolAlert = { alertId: string; kind: (typeof POOL_ALERT_KINDS)[number]; accountId: string | null; subject: string; openedAt: string };

const CRITICAL_POOL_KINDS = POOL_ALERT_KINDS.filter((k) => POOL_SEVERITY[k] === 'critical');

/**
 * Critical alerts of the org that nobody acknowledged within `afterMinutes` of opening and that
 * have not escalated yet: edge alerts still OPEN (acknowledged ones are someone's), pool alerts
 * unresolved and unacknowledged. Oldest first.
 */
export async function dueEscalations(db: Db, orgId: string, afterMinutes: number, now: Date) {
  const cutoff = new Date(now.getTime() - afterMinutes * 60_000).toISOString();
  const edge = await queryRows<DueEdgeAlert>(
    db,
    sql`select a.id as "alertId", a.rule_id as "ruleId", r.name as "rule", a.site_id as "siteId", s.name as "site", a.miner_id as "minerId", m.name as "miner", a.value,
          a.opened_at::text as "openedAt"
        from edge_alerts a join edge_alert_rules r on r.id = a.rule_id join sites s on s.id = a.site_id join miners m on m.id = a.miner_id
        where a.org_id = ${orgId} and a.status = 'OPEN' and a.escalated_at is null and r.severity = 'critical' and a.opened_at <= ${cutoff}::timestamptz
        order by a.opened_at, a.id`,
  );
  const pool = await db
    .select({ alertId: poolWorkerAlerts.id, kind: poolWorkerAlerts.kind, accountId: poolWorkerAlerts.accountId, subject: poolWorkerAlerts.subject, openedAt: sql<string>`${poolWorkerAlerts.openedAt}::text` })
    .from(poolWorkerAlerts)
    .where(
      and(
        eq(poolWorkerAlerts.orgId, orgId),
        isNull(poolWorkerAlerts.resolvedAt),
        isNull(poolWorkerAlerts.acknowledgedAt),
        isNull(poolWorkerAlerts.escalatedAt),
        inArray(poolWorkerAlerts.kind, CRITICAL_POOL_KINDS),
        sql`${poolWorkerAlerts.openedAt} <= ${cutoff}::timestamptz`,
      ),
    )
    .orderBy(poolWorkerAlerts.openedAt, poolWorkerAlerts.id);
  return { edge, pool: pool as DuePoolAlert[] };
}

/** Marks alerts as escalated; one already marked (a concurrent run) stays as it was. */
export async function markEscalated(db: Db, orgId: string, ids: { edge: string[]; pool: string[] }, now: Date) {
  if (ids.edge.length) await db.update(edgeAlerts).set({ escalatedAt: now }).where(and(eq(edgeAlerts.orgId, orgId), inArray(edgeAlerts.id, ids.edge), isNull(edgeAlerts.escalatedAt)));
  if (ids.pool.length) await db.update(poolWorkerAlerts).set({ escalatedAt: now }).where(and(eq(poolWorkerAlerts.orgId, orgId), inArray(poolWorkerAlerts.id, ids.pool), isNull(poolWorkerAlerts.escalatedAt)));
}
