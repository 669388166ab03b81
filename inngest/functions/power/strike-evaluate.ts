import type { Db } from '@/db/client';
import { requestCurtailmentStop } from '@/db/queries/power/curtailment-events';
import { curtailmentFleet } from '@/db/queries/power/curtailment-fleet';
import { enabledStrikePlans, priceWindowsAfter, updatePlanRun, upsertPowerPrices } from '@/db/queries/power/curtailment-plans';
import { curtailmentPriceSlots } from '@/db/queries/power/curtailment-prices';
import type { Scope } from '@/lib/core/scope';
import { breakEvenUsdPerMwh, stepStrike, type StrikeDecision } from '@/lib/domain/power/curtailment/strike';
import type { ParsedPrices } from '@/lib/integrations/power-prices/feed';
import { startCurtailment } from '@/lib/power/start-curtailment';
import type { JobsClient } from '../../client';

type Plan = Awaited<ReturnType<typeof enabledStrikePlans>>[number];

/**
 * Every five minutes, for each enabled strike plan: reads its HTTP feed (if it has one) into
 * power_prices, folds every window since the last one it saw into the strike rule
 * (lib/domain/power/curtailment/strike.ts) — with the fleet's hashprice break-even of this hour where
 * a strike asks for it — and starts a curtailment when the rule says curtail, or asks the running one
 * to stop (staggered recovery by the minute job) when it says resume. One step per plan: its state and
 * the event it started are written together, so a re-run of the same windows finds them stale.
 */
export const strikeEvaluate = (inngest: JobsClient) =>
  inngest.createFunction({ id: 'power-strike-evaluate', triggers: [{ cron: '*/5 * * * *' }], concurrency: { limit: 1 } }, async ({ step, db, now: clock, fetchPowerPrices }) => {
    const now = new Date(await step.run('now', () => clock().toISOString()));
    const plans = await step.run('plans', () => enabledStrikePlans(db));
    const results: Record<string, unknown> = {};
    for (const plan of plans) results[plan.id] = await step.run(`plan-${plan.id}`, () => evaluatePlan(db, plan, now, fetchPowerPrices));
    return { at: now.toISOString(), plans: plans.length, results };
  });

async function evaluatePlan(db: Db, plan: Plan, now: Date, fetchPowerPrices: (url: string) => Promise<ParsedPrices>) {
  let feedError: string | null = null;
  if (plan.feedKind === 'http' && plan.feedUrl) {
    try {
      const parsed = await fetchPowerPrices(plan.feedUrl);
      await upsertPowerPrices(db, plan.siteId, parsed.windows, 'http', now);
    } catch (e) {
      feedError = e instanceof Error ? e.message : String(e);
    }
  }
  const windows = await priceWindowsAfter(db, plan.siteId, plan.state.lastWindow, now);
  const scope: Scope = { orgId: plan.orgId, sites: 'all', customers: 'all' };
  const usesBreakEven = plan.strike.high.kind === 'break_even' || plan.strike.low.kind === 'break_even';
  let breakEven: number | null = null;
  if (usesBreakEven && windows.length) {
    const [price] = await curtailmentPriceSlots(db, plan.siteId, now, new Date(now.getTime() + 1));
    const fleet = await curtailmentFleet(db, scope, plan.siteId, now);
    breakEven = price?.hashpriceUsdPerPhDay == null ? null : breakEvenUsdPerMwh(fleet, price.hashpriceUsdPerPhDay);
  }
  let state = plan.state;
  let last: StrikeDecision | null = null;
  const actions: string[] = [];
  for (const w of windows) {
    last = stepStrike(state, plan.strike, { start: w.start, priceUsdPerMwh: w.usdPerMwh, breakEvenUsdPerMwh: breakEven });
    state = last.state;
    actions.push(last.action);
  }
  let activeEventId = plan.activeEventId;
  let startError: string | null = null;
  if (state.curtailed && !activeEventId) {
    // A start that fails (no fresh reading, say) leaves the rule curtailed without an event: the next run tries again.
    const event = await startCurtailment(
      db,
      scope,
      null,
      { siteId: plan.siteId, strategy: plan.strategy as 'performance', targetKind: plan.targetKind as 'cap', targetKw: Number(plan.targetKw), perMinute: plan.perMinute, emergency: false },
      now,
      { trigger: 'strike' },
    ).catch((e: unknown) => {
      startError = e instanceof Error ? e.message : String(e);
      return null;
    });
    activeEventId = event?.id ?? null;
  } else if (!state.curtailed && activeEventId) {
    await requestCurtailmentStop(db, scope, null, activeEventId, now);
    activeEventId = null;
  }
  const lastDecision = { at: now.toISOString(), windows: windows.length, actions, high: last?.highUsdPerMwh ?? null, low: last?.lowUsdPerMwh ?? null, breakEven, feedError, startError };
  await updatePlanRun(db, plan.id, { state, activeEventId, lastDecision });
  return { curtailed: state.curtailed, activeEventId, ...lastDecision };
}
