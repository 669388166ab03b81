import { energyCostUsdPerHour, revenueUsdPerHour } from './economics';
import type { CurtailAction, CurtailMiner, CurtailPlan, CurtailStrategy, FeederCaps, HourEconomics } from './types';

/** Watts the site may draw at most (cap) or must shed at least (reduction), from the draw now. */
export function requestedShedW(beforeW: number, target: { kind: 'cap' | 'reduction'; kw: number }): number {
  return Math.max(0, target.kind === 'cap' ? beforeW - target.kw * 1000 : target.kw * 1000);
}

export function siteDrawW(miners: CurtailMiner[]): number {
  let w = 0;
  for (const m of miners) w += m.powerW;
  return w;
}

/** The figures of a plan from its actions: draw after, what was shed, and the hour's economics of it. */
export function summarizePlan(
  p: { strategy: CurtailStrategy; method: CurtailPlan['method']; miners: CurtailMiner[]; actions: CurtailAction[]; requestedShedW: number; feederCapsKw?: FeederCaps },
  e: HourEconomics,
): CurtailPlan {
  const byId = new Map(p.miners.map((m) => [m.id, m]));
  const beforeW = siteDrawW(p.miners);
  let shedW = 0;
  let hashrateShedThs = 0;
  const feederShedW = new Map<string, number>();
  for (const a of p.actions) {
    const m = byId.get(a.minerId)!;
    const level = a.kind === 'sleep' ? { powerW: 0, hashrateThs: 0 } : (m.levels?.find((l) => l.powerW === a.powerW) ?? { powerW: a.powerW, hashrateThs: m.hashrateThs * (a.powerW / m.powerW) });
    const dW = m.powerW - level.powerW;
    shedW += dW;
    hashrateShedThs += m.hashrateThs - level.hashrateThs;
    if (m.feederId) feederShedW.set(m.feederId, (feederShedW.get(m.feederId) ?? 0) + dW);
  }
  const afterW = beforeW - shedW;
  let met = shedW >= p.requestedShedW - 1e-6;
  for (const [feeder, capKw] of Object.entries(p.feederCapsKw ?? {})) {
    const load = feederDrawW(p.miners, feeder) - (feederShedW.get(feeder) ?? 0);
    if (load > capKw * 1000 + 1e-6) met = false;
  }
  return {
    strategy: p.strategy,
    method: p.method,
    actions: p.actions,
    beforeW,
    afterW,
    requestedShedW: p.requestedShedW,
    shedW,
    met,
    hashrateShedThs,
    revenueForgoneUsdPerHour: revenueUsdPerHour(hashrateShedThs, e),
    energyCostAvoidedUsdPerHour: energyCostUsdPerHour(shedW, e),
  };
}

export function feederDrawW(miners: CurtailMiner[], feederId: string): number {
  let w = 0;
  for (const m of miners) if (m.feederId === feederId) w += m.powerW;
  return w;
}
