import { and, asc, eq, gt, inArray, lte, sql } from 'drizzle-orm';
import { AppError } from '@/lib/core/errors';
import { type Scope, scopeAllowsSite } from '@/lib/core/scope';
import type { StrikeConfig, StrikeState } from '@/lib/domain/power/curtailment/strike';
import { INITIAL_STRIKE_STATE } from '@/lib/domain/power/curtailment/strike';
import type { Db } from '../../client';
import { curtailmentPlans, powerPrices } from '../../schema';
import { recordAudit } from '../admin/audit';
import { scopeWhere } from '../scope';

export type NewStrikePlan = {
  siteId: string;
  name: string;
  strategy: string;
  targetKind: 'cap' | 'reduction';
  targetKw: number;
  perMinute: number;
  /** http: polled by the job; manual and csv: prices entered or imported into power_prices. */
  feedKind: 'manual' | 'csv' | 'http';
  feedUrl: string | null;
  strike: StrikeConfig;
};

export async function createStrikePlan(db: Db, scope: Scope, actorUserId: string | null, p: NewStrikePlan & { enabled?: boolean }) {
  if (!scopeAllowsSite(scope, p.siteId)) throw new AppError('NOT_FOUND');
  const [row] = await db
    .insert(curtailmentPlans)
    .values({ orgId: scope.orgId, siteId: p.siteId, name: p.name, mode: 'strike', enabled: p.enabled ?? true, strategy: p.strategy, targetKind: p.targetKind, targetKw: String(p.targetKw), perMinute: p.perMinute, feedKind: p.feedKind, feedUrl: p.feedUrl, strike: p.strike, state: INITIAL_STRIKE_STATE, createdBy: actorUserId })
    .returning({ id: curtailmentPlans.id });
  await recordAudit(db, { orgId: scope.orgId, actorUserId, action: 'power.curtailment.plan.create', entityType: 'curtailment_plan', entityId: row!.id, siteIds: [p.siteId], after: { ...p } });
  return row!.id;
}

/** Every enabled strike plan, for the five-minute job (all organisations). */
export async function enabledStrikePlans(db: Db) {
  const rows = await db.select().from(curtailmentPlans).where(and(eq(curtailmentPlans.enabled, true), eq(curtailmentPlans.mode, 'strike')));
  return rows.map((r) => ({ ...r, strike: r.strike as StrikeConfig, state: r.state as StrikeState }));
}

/** Stores a site's prices; a window given again takes the new price (feeds correct themselves). */
export async function upsertPowerPrices(db: Db, siteId: string, windows: { start: string; usdPerMwh: number }[], source: string, now: Date): Promise<number> {
  if (!windows.length) return 0;
  await db
    .insert(powerPrices)
    .values(windows.map((w) => ({ siteId, windowStart: new Date(w.start), usdPerMwh: String(w.usdPerMwh), source, updatedAt: now })))
    .onConflictDoUpdate({ target: [powerPrices.siteId, powerPrices.windowStart], set: { usdPerMwh: sql`excluded.usd_per_mwh`, source: sql`excluded.source`, updatedAt: now } });
  return windows.length;
}

/** The site's windows after `after` that have started by `now`, oldest first. */
export async function priceWindowsAfter(db: Db, siteId: string, after: string | null, now: Date) {
  const rows = await db
    .select({ start: powerPrices.windowStart, usdPerMwh: powerPrices.usdPerMwh })
    .from(powerPrices)
    .where(and(eq(powerPrices.siteId, siteId), after ? gt(powerPrices.windowStart, new Date(after)) : undefined, lte(powerPrices.windowStart, now)))
    .orderBy(asc(powerPrices.windowStart))
    .limit(2000);
  return rows.map((r) => ({ start: r.start.toISOString(), usdPerMwh: Number(r.usdPerMwh) }));
}

export async function updatePlanRun(db: Db, id: string, set: { state: StrikeState; activeEventId: string | null; lastDecision: Record<string, unknown> }) {
  await db.update(curtailmentPlans).set(set).where(eq(curtailmentPlans.id, id));
}

/** The site's demand-response opt-in (an enabled plan in mode demand_response), with the strategy and stagger to use. */
export async function demandResponseOptIn(db: Db, scope: Scope, siteId: string) {
  const [row] = await db
    .select({ id: curtailmentPlans.id, strategy: curtailmentPlans.strategy, perMinute: curtailmentPlans.perMinute })
    .from(curtailmentPlans)
    .where(and(eq(curtailmentPlans.orgId, scope.orgId), eq(curtailmentPlans.siteId, siteId), eq(curtailmentPlans.mode, 'demand_response'), eq(curtailmentPlans.enabled, true)))
    .limit(1);
  return row ?? null;
}

/** Opts a site in to demand response, with the strategy and stagger its calls run with. */
export async function optInDemandResponse(db: Db, scope: Scope, actorUserId: string | null, p: { siteId: string; strategy: string; perMinute: number }) {
  const [row] = await db
    .insert(curtailmentPlans)
    .values({ orgId: scope.orgId, siteId: p.siteId, name: 'Demand response', mode: 'demand_response', strategy: p.strategy, targetKind: 'reduction', targetKw: '0', perMinute: p.perMinute, strike: {}, state: {}, createdBy: actorUserId })
    .returning({ id: curtailmentPlans.id });
  await recordAudit(db, { orgId: scope.orgId, actorUserId, action: 'power.curtailment.demand_response.opt_in', entityType: 'curtailment_plan', entityId: row!.id, siteIds: [p.siteId], after: p });
  return row!.id;
}

/**
 * Edits a strike plan (its site stays). A changed rule starts its streaks afresh at the next window;
 * a curtailment it started keeps running until the rule resumes or someone stops it. Audited with
 * before and after.
 */
export async function updateStrikePlan(db: Db, scope: Scope, actorUserId: string | null, id: string, p: NewStrikePlan & { enabled: boolean }) {
  const where = and(eq(curtailmentPlans.id, id), eq(curtailmentPlans.mode, 'strike'), eq(curtailmentPlans.siteId, p.siteId), scopeWhere({ orgId: curtailmentPlans.orgId, siteId: curtailmentPlans.siteId }, scope));
  const [before] = await db.select().from(curtailmentPlans).where(where);
  if (!before) throw new AppError('NOT_FOUND');
  const state = before.state as StrikeState;
  await db
    .update(curtailmentPlans)
    .set({ name: p.name, enabled: p.enabled, strategy: p.strategy, targetKind: p.targetKind, targetKw: String(p.targetKw), perMinute: p.perMinute, feedKind: p.feedKind, feedUrl: p.feedUrl, strike: p.strike, state: { ...state, above: 0, below: 0 } })
    .where(where);
  await recordAudit(db, { orgId: scope.orgId, actorUserId, action: 'power.curtailment.plan.update', entityType: 'curtailment_plan', entityId: id, siteIds: [p.siteId], before: { name: before.name, enabled: before.enabled, strike: before.strike, targetKw: before.targetKw }, after: { ...p } });
}

/** The standing plans of the sites in scope (strike rules and opt-ins), by site and name. */
export async function listCurtailmentPlans(db: Db, scope: Scope, modes: string[] = ['strike', 'demand_response']) {
  const rows = await db
    .select()
    .from(curtailmentPlans)
    .where(and(scopeWhere({ orgId: curtailmentPlans.orgId, siteId: curtailmentPlans.siteId }, scope), inArray(curtailmentPlans.mode, modes)))
    .orderBy(asc(curtailmentPlans.siteId), asc(curtailmentPlans.name))
    .limit(500);
  return rows.map((r) => ({ ...r, strike: r.strike as StrikeConfig | Record<string, never>, state: r.state as StrikeState | Record<string, never> }));
}

/** Opts a site in or out of demand response (one row per site, kept when opted out so the choice is seen). */
export async function setDemandResponse(db: Db, scope: Scope, actorUserId: string | null, p: { siteId: string; enabled: boolean; strategy: string; perMinute: number }) {
  if (!scopeAllowsSite(scope, p.siteId)) throw new AppError('NOT_FOUND');
  const where = and(eq(curtailmentPlans.orgId, scope.orgId), eq(curtailmentPlans.siteId, p.siteId), eq(curtailmentPlans.mode, 'demand_response'));
  const updated = await db.update(curtailmentPlans).set({ enabled: p.enabled, strategy: p.strategy, perMinute: p.perMinute }).where(where).returning({ id: curtailmentPlans.id });
  if (updated.length) {
    await recordAudit(db, { orgId: scope.orgId, actorUserId, action: p.enabled ? 'power.curtailment.demand_response.opt_in' : 'power.curtailment.demand_response.opt_out', entityType: 'curtailment_plan', entityId: updated[0]!.id, siteIds: [p.siteId], after: p });
    return updated[0]!.id;
  }
  if (!p.enabled) return null;
  return optInDemandResponse(db, scope, actorUserId, p);
}
