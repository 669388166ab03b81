import { and, asc, eq, gt, lte, sql } from 'drizzle-orm';
import type { Scope } from '@/lib/core/scope';
import type { StrikeConfig, StrikeState } from '@/lib/domain/power/curtailment/strike';
import { INITIAL_STRIKE_STATE } from '@/lib/domain/power/curtailment/strike';
import type { Db } from '../../client';
import { curtailmentPlans, powerPrices } from '../../schema';
import { recordAudit } from '../admin/audit';

export type NewStrikePlan = {
  siteId: string;
  name: string;
  strategy: string;
  targetKind: 'cap' | 'reduction';
  targetKw: number;
  perMinute: number;
  feedKind: 'manual' | 'http';
  feedUrl: string | null;
  strike: StrikeConfig;
};

export async function createStrikePlan(db: Db, scope: Scope, actorUserId: string | null, p: NewStrikePlan) {
  const [row] = await db
    .insert(curtailmentPlans)
    .values({ orgId: scope.orgId, siteId: p.siteId, name: p.name, mode: 'strike', strategy: p.strategy, targetKind: p.targetKind, targetKw: String(p.targetKw), perMinute: p.perMinute, feedKind: p.feedKind, feedUrl: p.feedUrl, strike: p.strike, state: INITIAL_STRIKE_STATE, createdBy: actorUserId })
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
