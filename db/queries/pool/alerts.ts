import { and, count, eq, inArray, isNull, notInArray, sql } from 'drizzle-orm';
import { AppError } from '@/lib/core/errors';
import type { Scope } from '@/lib/core/scope';
import { type Db, queryRows } from '../../client';
import { memberships, notificationChannels, poolWorkerAlerts, users } from '../../schema';
import { recordAudit } from '../admin/audit';
import { offsetOf, type PageRequest, toPage } from '../pagination';
import { minerAliasScope } from './mismatches';

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

export type AlertState = 'open' | 'resolved' | 'all';

/**
 * Alerts by state and kind, newest first. Org-wide roles see every alert; a scoped role only worker
 * alerts whose worker is linked to a miner it may see (account-level API and budget alerts are not its).
 */
function alertWhere(scope: Scope, filter: { state?: AlertState; kind?: AlertKind; q?: string }) {
  const scoped = !(scope.sites === 'all' && scope.customers === 'all');
  return sql.join(
    [
      sql`al.org_id = ${scope.orgId}`,
      filter.state === 'open' ? sql`al.resolved_at is null` : filter.state === 'resolved' ? sql`al.resolved_at is not null` : sql`true`,
      filter.kind ? sql`al.kind = ${filter.kind}` : sql`true`,
      filter.q ? sql`al.subject ilike ${`%${filter.q.replace(/[%_\\]/g, '\\$&')}%`}` : sql`true`,
      scoped
        ? sql`exists (select 1 from pool_worker_links l join miners m on m.id = l.miner_id
            where l.account_id = al.account_id and a.user_id || '/' || l.worker_name = al.subject and ${minerAliasScope(scope)})`
        : sql`true`,
    ],
    sql` and `,
  );
}

export async function listAlerts(db: Db, scope: Scope, filter: { state?: AlertState; kind?: AlertKind; q?: string }, req: PageRequest) {
  const where = alertWhere(scope, filter);
  const from = sql`pool_worker_alerts al left join pool_accounts a on a.id = al.account_id`;
  // The linked miner (if the worker is linked to one the scope may see) is what "open ticket" and the fixes act on.
  const rows = await queryRows<{
    id: string; kind: AlertKind; subject: string; detail: Record<string, unknown>; openedAt: Date; lastSeenAt: Date; resolvedAt: Date | null; account: string | null; minutes: number;
    acknowledgedAt: Date | null; acknowledgedBy: string | null; workerName: string | null; minerId: string | null; minerName: string | null; siteId: string | null; vendor: string | null;
  }>(
    db,
    sql`select al.id, al.kind, al.subject, al.detail, al.opened_at as "openedAt", al.last_seen_at as "lastSeenAt", al.resolved_at as "resolvedAt", a.label as "account",
          (extract(epoch from coalesce(al.resolved_at, now()) - al.opened_at) / 60)::float8 as "minutes",
          al.acknowledged_at as "acknowledgedAt", ack.name as "acknowledgedBy",
          case when a.user_id is not null and left(al.subject, length(a.user_id) + 1) = a.user_id || '/' then substr(al.subject, length(a.user_id) + 2) end as "workerName",
          lm.id as "minerId", lm.name as "minerName", lm.site_id as "siteId", lm.vendor
        from ${from}
        left join users ack on ack.id = al.acknowledged_by
        left join lateral (
          select m.id, m.name, m.site_id, lv.vendor from pool_worker_links l join miners m on m.id = l.miner_id
            left join miner_telemetry_live lv on lv.miner_id = m.id
          where l.account_id = al.account_id and a.user_id || '/' || l.worker_name = al.subject and ${minerAliasScope(scope)}
          limit 1) lm on true
        where ${where} order by al.last_seen_at desc, al.subject limit ${req.pageSize} offset ${offsetOf(req)}`,
  );
  const [c] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from ${from} where ${where}`);
  const dated = rows.map((r) => ({ ...r, openedAt: new Date(r.openedAt), lastSeenAt: new Date(r.lastSeenAt), resolvedAt: r.resolvedAt ? new Date(r.resolvedAt) : null, acknowledgedAt: r.acknowledgedAt ? new Date(r.acknowledgedAt) : null }));
  return toPage(dated, c?.n ?? 0, req);
}

/** Acknowledges an open pool alert the scope may see (someone is on it: it no longer escalates), with an audit entry. */
export async function acknowledgePoolAlert(db: Db, scope: Scope, actorUserId: string, alertId: string, now: Date) {
  return db.transaction(async (tx) => {
    const [row] = await queryRows<{ id: string; resolvedAt: Date | null; acknowledgedAt: Date | null }>(
      tx,
      sql`select al.id, al.resolved_at as "resolvedAt", al.acknowledged_at as "acknowledgedAt"
          from pool_worker_alerts al left join pool_accounts a on a.id = al.account_id
          where al.id = ${alertId} and ${alertWhere(scope, {})} for update of al`,
    );
    if (!row) throw new AppError('NOT_FOUND');
    if (row.resolvedAt || row.acknowledgedAt) throw new AppError('CONFLICT');
    await tx.update(poolWorkerAlerts).set({ acknowledgedAt: now, acknowledgedBy: actorUserId }).where(eq(poolWorkerAlerts.id, alertId));
    await recordAudit(tx, { orgId: scope.orgId, actorUserId, action: 'pool.alert.acknowledged', entityType: 'pool_worker_alert', entityId: alertId, before: { acknowledged: false }, after: { acknowledged: true } });
  });
}

/** Open alerts now, and how many resolved in the last 7 days and how long they took (median, minutes). */
export async function alertSummary(db: Db, scope: Scope, now: Date) {
  const where = alertWhere(scope, {});
  const [row] = await queryRows<{ open: number; resolved7d: number; medianMinutes: number | null }>(
    db,
    sql`select (count(*) filter (where al.resolved_at is null))::int as "open",
          (count(*) filter (where al.resolved_at > ${new Date(now.getTime() - 7 * 86_400_000).toISOString()}))::int as "resolved7d",
          (percentile_cont(0.5) within group (order by extract(epoch from al.resolved_at - al.opened_at) / 60)
             filter (where al.resolved_at > ${new Date(now.getTime() - 7 * 86_400_000).toISOString()}))::float8 as "medianMinutes"
        from pool_worker_alerts al left join pool_accounts a on a.id = al.account_id where ${where}`,
  );
  return row ?? { open: 0, resolved7d: 0, medianMinutes: null };
}

/** Open alerts not yet sent, oldest first; marked as notified once the digest is handed over. */
export async function unnotifiedAlerts(db: Db, orgId: string, limit = 200) {
  return db
    .select({ id: poolWorkerAlerts.id, kind: poolWorkerAlerts.kind, subject: poolWorkerAlerts.subject, detail: poolWorkerAlerts.detail, openedAt: poolWorkerAlerts.openedAt })
    .from(poolWorkerAlerts)
    .where(and(eq(poolWorkerAlerts.orgId, orgId), isNull(poolWorkerAlerts.resolvedAt), isNull(poolWorkerAlerts.notifiedAt)))
    .orderBy(poolWorkerAlerts.openedAt)
    .limit(limit);
}

export async function markNotified(db: Db, ids: string[], at: Date) {
  if (ids.length) await db.update(poolWorkerAlerts).set({ notifiedAt: at }).where(inArray(poolWorkerAlerts.id, ids));
}

/** The alert channels of the organization's owners and admins (the people who run the pool side), with their owner's locale. */
export async function poolAlertChannels(db: Db, orgId: string) {
  return db
    .select({ id: notificationChannels.id, userId: notificationChannels.userId, kind: notificationChannels.kind, format: notificationChannels.format, target: notificationChannels.target, secretEnc: notificationChannels.secretEnc, locale: users.locale })
    .from(notificationChannels)
    .innerJoin(memberships, and(eq(memberships.userId, notificationChannels.userId), eq(memberships.orgId, orgId)))
    .innerJoin(users, eq(users.id, notificationChannels.userId))
    .where(and(eq(notificationChannels.orgId, orgId), inArray(sql`upper(${memberships.role})`, ['OWNER', 'ADMIN'])));
}
