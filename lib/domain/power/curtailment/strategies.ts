import { netUsdPerHour } from './economics';
import { performanceScore } from './score';
import { feederDrawW, requestedShedW, siteDrawW, summarizePlan } from './summarize';
import type { CurtailMiner, CurtailPlan, CustomerTier, FeederCaps, HourEconomics, PlanInput } from './types';

/*
 * The greedy strategies: each orders the miners that can be shed and sleeps them in that order until
 * every feeder cap holds and the site has shed what the target asks. Optimal keeps instead of sheds:
 * the most net revenue per kW first, while it fits under the caps.
 */

/** Running miners a plan may touch: drawing power and not held on by a minimum on-time. */
export const sheddable = (m: CurtailMiner) => m.powerW > 0 && m.lock !== 'on';

/** Sorts by score once per miner (not per comparison), lowest first, then by id for a stable plan. */
function sortByScore(miners: CurtailMiner[], rank: (m: CurtailMiner) => number = () => 0): CurtailMiner[] {
  return miners
    .map((m) => ({ m, r: rank(m), s: performanceScore(m) }))
    .sort((a, b) => a.r - b.r || a.s - b.s || (a.m.id < b.m.id ? -1 : a.m.id > b.m.id ? 1 : 0))
    .map((x) => x.m);
}

/** Miners with no customer are the farm's own: they go before any customer's. */
const TIER_RANK: Record<CustomerTier | 'HOUSE', number> = { HOUSE: 0, STANDARD: 1, ENTERPRISE: 2, VIP: 3 };

/** Performance Priority: the lowest score first (the original's order). */
export function performanceOrder(miners: CurtailMiner[]): CurtailMiner[] {
  return sortByScore(miners.filter(sheddable));
}

/** Customer Priority: Standard before Enterprise before VIP (house machines first); lowest score first within a tier. */
export function customerOrder(miners: CurtailMiner[]): CurtailMiner[] {
  return sortByScore(miners.filter(sheddable), (m) => TIER_RANK[m.tier ?? 'HOUSE']);
}

type Shed = { ids: Set<string>; shedW: number };

/** Sleeps feeder by feeder until each capped feeder holds, in `order`; returns what it shed. */
function shedFeeders(miners: CurtailMiner[], order: CurtailMiner[], caps: FeederCaps | undefined, shed: Shed) {
  for (const [feeder, capKw] of Object.entries(caps ?? {})) {
    let load = feederDrawW(miners, feeder);
    for (const m of order) {
      if (load <= capKw * 1000) break;
      if (m.feederId !== feeder || shed.ids.has(m.id)) continue;
      shed.ids.add(m.id);
      shed.shedW += m.powerW;
      load -= m.powerW;
    }
  }
}

function shedUntil(order: CurtailMiner[], needW: number, shed: Shed) {
  for (const m of order) {
    if (shed.shedW >= needW) break;
    if (shed.ids.has(m.id)) continue;
    shed.ids.add(m.id);
    shed.shedW += m.powerW;
  }
}

/**
 * Fair Distribution: each customer (the farm's own machines as one more) sheds in proportion to its
 * share of the site's draw, lowest score first within it; what the quotas leave short (whole machines,
 * minimum on-times) is shed from the rest in score order.
 */
function fairShed(miners: CurtailMiner[], needW: number, shed: Shed) {
  const key = (m: CurtailMiner) => m.customerId ?? '';
  const totalW = siteDrawW(miners);
  if (totalW <= 0) return;
  const drawW = new Map<string, number>();
  for (const m of miners) drawW.set(key(m), (drawW.get(key(m)) ?? 0) + m.powerW);
  const shedBy = new Map<string, number>();
  for (const m of miners) if (shed.ids.has(m.id)) shedBy.set(key(m), (shedBy.get(key(m)) ?? 0) + m.powerW);
  const order = performanceOrder(miners);
  const orderOf = new Map<string, CurtailMiner[]>();
  for (const m of order) {
    const list = orderOf.get(key(m));
    if (list) list.push(m);
    else orderOf.set(key(m), [m]);
  }
  for (const [customer, w] of drawW) {
    const quotaW = (needW * w) / totalW;
    let done = shedBy.get(customer) ?? 0;
    for (const m of orderOf.get(customer) ?? []) {
      if (done >= quotaW) break;
      if (shed.ids.has(m.id)) continue;
      // Only a miner that brings the customer closer to its quota: whole machines overshoot, and on a
      // small site one per customer would shed far more than asked. The last pass makes up the rest.
      if (done + m.powerW / 2 >= quotaW) continue;
      shed.ids.add(m.id);
      shed.shedW += m.powerW;
      done += m.powerW;
    }
  }
  shedUntil(order, needW, shed);
}

/**
 * Optimal (greedy): keep the miners that earn the most per kW, net of the hour's tariff, while they fit
 * under the site cap and their feeder's; a miner that loses money at this hour's prices is shed even
 * under the cap. For one cap this is the fractional-knapsack order, within one miner of the LP optimum.
 */
function optimalShed(miners: CurtailMiner[], capW: number, caps: FeederCaps | undefined, e: HourEconomics, shed: Shed) {
  const feederLeftW = new Map(Object.entries(caps ?? {}).map(([f, kw]) => [f, kw * 1000]));
  let leftW = capW;
  const keep = (m: CurtailMiner) => {
    leftW -= m.powerW;
    if (m.feederId && feederLeftW.has(m.feederId)) feederLeftW.set(m.feederId, feederLeftW.get(m.feederId)! - m.powerW);
  };
  for (const m of miners) if (m.powerW > 0 && m.lock === 'on') keep(m);
  const ranked = miners
    .filter(sheddable)
    .map((m) => ({ m, net: netUsdPerHour(m, e) }))
    .sort((a, b) => b.net / b.m.powerW - a.net / a.m.powerW || a.m.id.localeCompare(b.m.id));
  for (const { m, net } of ranked) {
    const feederLeft = m.feederId ? feederLeftW.get(m.feederId) : undefined;
    if (net > 0 && m.powerW <= leftW && (feederLeft === undefined || m.powerW <= feederLeft)) keep(m);
    else {
      shed.ids.add(m.id);
      shed.shedW += m.powerW;
    }
  }
}

/** A plan by one of the greedy strategies (sleep only). Pure and synchronous: 6,000 miners in a few ms. */
export function planGreedy(input: PlanInput): CurtailPlan {
  const { miners, strategy, economics: e } = input;
  const beforeW = siteDrawW(miners);
  const needW = requestedShedW(beforeW, input.target);
  const shed: Shed = { ids: new Set(), shedW: 0 };
  if (strategy === 'optimal') optimalShed(miners, beforeW - needW, input.feederCapsKw, e, shed);
  else {
    const order = strategy === 'customer' ? customerOrder(miners) : performanceOrder(miners);
    shedFeeders(miners, order, input.feederCapsKw, shed);
    if (strategy === 'fair') fairShed(miners, needW, shed);
    else shedUntil(order, needW, shed);
  }
  // In shedding order (least valuable first), so the first waves take the miners the strategy gives up first.
  const order = [...shed.ids];
  if (strategy === 'optimal') order.reverse();
  const actions = order.map((id) => ({ minerId: id, kind: 'sleep' as const }));
  return summarizePlan({ strategy, method: 'greedy', miners, actions, requestedShedW: needW, feederCapsKw: input.feederCapsKw }, e);
}
