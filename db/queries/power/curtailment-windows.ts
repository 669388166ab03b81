import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import { AppError } from '@/lib/core/errors';
import { type Scope, scopeAllowsSite } from '@/lib/core/scope';
import { type Db, queryRows } from '../../client';
import { curtailmentEvents, curtailmentWindows } from '../../schema';
import { recordAudit } from '../admin/audit';
import { requestCurtailmentStop } from './curtailment-events';
import { scopeWhere } from '../scope';

export const WINDOW_KINDS = ['scheduled', 'peak_warning'] as const;
export type WindowKind = (typeof WINDOW_KINDS)[number];

export type NewWindow = {
  kind: WindowKind;
  startsAt: Date;
  endsAt: Date;
  strategy: string;
  targetKind: 'cap' | 'reduction';
  targetKw: number;
  perMinute: number;
  note: string | null;
};

/**
 * Stores a site's windows, entered or imported: a window with the same site, kind and start takes the
 * new end, target and note (an import given again, a utility's revised warning). Audited once.
 */
export async function saveCurtailmentWindows(db: Db, scope: Scope, actorUserId: string | null, siteId: string, windows: NewWindow[], source: 'manual' | 'csv') {
  if (!scopeAllowsSite(scope, siteId)) throw new AppError('NOT_FOUND');
  if (!windows.length) return 0;
  const rows = await db
    .insert(curtailmentWindows)
    .values(windows.map((w) => ({ orgId: scope.orgId, siteId, ...w, targetKw: String(w.targetKw), source, createdBy: actorUserId })))
    .onConflictDoUpdate({
      target: [curtailmentWindows.siteId, curtailmentWindows.kind, curtailmentWindows.startsAt],
      set: { endsAt: sql`excluded.ends_at`, strategy: sql`excluded.strategy`, targetKind: sql`excluded.target_kind`, targetKw: sql`excluded.target_kw`, perMinute: sql`excluded.per_minute`, note: sql`excluded.note`, source: sql`excluded.source`, cancelledAt: null, startError: null },
      setWhere: eq(curtailmentWindows.orgId, scope.orgId),
    })
    .returning({ id: curtailmentWindows.id });
  await recordAudit(db, { orgId: scope.orgId, actorUserId, action: 'power.curtailment.window.save', entityType: 'site', entityId: siteId, siteIds: [siteId], after: { source, windows: rows.length, first: windows[0]!.startsAt.toISOString() } });
  return rows.length;
}

/** A site's windows (or every site's in scope) that end after `from`, soonest first, with the curtailment each started. */
export async function listCurtailmentWindows(db: Db, scope: Scope, filter: { siteId?: string; from: Date }, limit = 100) {
  return db
    .select({
      id: curtailmentWindows.id,
      siteId: curtailmentWindows.siteId,
      kind: curtailmentWindows.kind,
      startsAt: curtailmentWindows.startsAt,
      endsAt: curtailmentWindows.endsAt,
      strategy: curtailmentWindows.strategy,
      targetKind: curtailmentWindows.targetKind,
      targetKw: curtailmentWindows.targetKw,
      perMinute: curtailmentWindows.perMinute,
      source: curtailmentWindows.source,
      note: curtailmentWindows.note,
      cancelledAt: curtailmentWindows.cancelledAt,
      startError: curtailmentWindows.startError,
      eventId: curtailmentEvents.id,
      eventStatus: curtailmentEvents.status,
    })
    .from(curtailmentWindows)
    .leftJoin(curtailmentEvents, eq(curtailmentEvents.windowId, curtailmentWindows.id))
    .where(and(scopeWhere({ orgId: curtailmentWindows.orgId, siteId: curtailmentWindows.siteId }, scope), filter.siteId ? eq(curtailmentWindows.siteId, filter.siteId) : undefined, gt(curtailmentWindows.endsAt, filter.from)))
    .orderBy(asc(curtailmentWindows.startsAt))
    .limit(limit);
}

/** Cancels a window: one not started yet never starts; one running is asked to stop (staggered recovery). */
export async function cancelCurtailmentWindow(db: Db, scope: Scope, actorUserId: string | null, id: string, now: Date): Promise<boolean> {
  const [row] = await db
    .update(curtailmentWindows)
    .set({ cancelledAt: now })
    .where(and(eq(curtailmentWindows.id, id), scopeWhere({ orgId: curtailmentWindows.orgId, siteId: curtailmentWindows.siteId }, scope), isNull(curtailmentWindows.cancelledAt)))
    .returning({ siteId: curtailmentWindows.siteId });
  if (!row) return false;
  const [event] = await db.select({ id: curtailmentEvents.id }).from(curtailmentEvents).where(eq(curtailmentEvents.windowId, id));
  if (event) await requestCurtailmentStop(db, scope, actorUserId, event.id, now);
  await recordAudit(db, { orgId: scope.orgId, actorUserId, action: 'power.curtailment.window.cancel', entityType: 'curtailment_window', entityId: id, siteIds: [row.siteId] });
  return true;
}

export type DueWindow = { id: string; orgId: string; siteId: string; kind: WindowKind; endsAt: string; strategy: string; targetKind: 'cap' | 'reduction'; targetKw: number; perMinute: number; createdBy: string | null };

/**
 * Windows of every organisation in progress at `now` that have not started a curtailment yet (the
 * minute job starts them). A window whose start the job missed still starts while it lasts.
 */
export async function dueCurtailmentWindows(db: Db, now: Date): Promise<DueWindow[]> {
  const rows = await queryRows<{ id: string; org_id: string; site_id: string; kind: WindowKind; ends_at: Date | string; strategy: string; target_kind: 'cap' | 'reduction'; target_kw: string; per_minute: number; created_by: string | null }>(
    db,
    sql`select w.id, w.org_id, w.site_id, w.kind, w.ends_at, w.strategy, w.target_kind, w.target_kw, w.per_minute, w.created_by
        from curtailment_windows w
        where w.starts_at <= ${now.toISOString()}::timestamptz and w.ends_at > ${now.toISOString()}::timestamptz and w.cancelled_at is null
          and not exists (select 1 from curtailment_events e where e.window_id = w.id)
        order by w.starts_at, w.id`,
  );
  return rows.map((r) => ({ id: r.id, orgId: r.org_id, siteId: r.site_id, kind: r.kind, endsAt: new Date(r.ends_at).toISOString(), strategy: r.strategy, targetKind: r.target_kind, targetKw: Number(r.target_kw), perMinute: Number(r.per_minute), createdBy: r.created_by }));
}

export async function recordWindowStartError(db: Db, id: string, error: string | null) {
  await db.update(curtailmentWindows).set({ startError: error }).where(eq(curtailmentWindows.id, id));
}
