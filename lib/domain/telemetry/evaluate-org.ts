import { type AlertRuleInput, evaluateRule, type MinerState, ruleApplies } from './alert-rules';

/** Every (rule, miner) pair that fires now, with the measured value. */
export function firingPairs(rules: AlertRuleInput[], states: MinerState[], now: Date) {
  const out: { ruleId: string; minerId: string; siteId: string; value: string | null }[] = [];
  for (const rule of rules) {
    for (const m of states) {
      if (!ruleApplies(rule, m)) continue;
      const e = evaluateRule(rule, m, now);
      if (e.firing) out.push({ ruleId: rule.id, minerId: m.minerId, siteId: m.siteId, value: e.value });
    }
  }
  return out;
}
