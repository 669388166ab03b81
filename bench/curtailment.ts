import { planCurtailment } from '@/lib/domain/power/curtailment/plan';
import type { PlanInput } from '@/lib/domain/power/curtailment/types';
import { highsSolver } from '@/lib/solver/highs';
import { syntheticFleet } from '../tests/helpers/curtail-fleet';
import { time } from './timing';

const economics = { hashpriceUsdPerPhDay: 50, tariffUsdPerKwh: 0.06, poolFeePct: 2.5 };
const mark = (p95: number, targetMs: number) => ({ target: `< ${targetMs} ms`, pass: p95 < targetMs ? 'PASS' : 'FAIL' });

/**
 * Curtailment planning on 6,000 miners (issue 15): each strategy under one cap (target < 100 ms), and
 * Optimal with 40 feeder caps through HiGHS, sleep only and with two power-target levels (target < 10 s).
 */
export async function benchCurtailment() {
  const solve = await highsSolver();
  const rows: Record<string, string | number>[] = [];
  const fleet = syntheticFleet(6000);
  const totalKw = fleet.reduce((s, m) => s + m.powerW, 0) / 1000;
  for (const strategy of ['performance', 'customer', 'fair', 'optimal'] as const) {
    const t = await time(() => planCurtailment({ miners: fleet, target: { kind: 'cap', kw: totalKw * 0.6 }, strategy, economics }), 20);
    rows.push({ case: `curtailment plan: 6,000 miners, one cap, ${strategy}`, ...t, ...mark(t.p95_ms, 100) });
  }
  for (const levels of [false, true]) {
    const miners = syntheticFleet(6000, { feeders: 40, levels });
    const feederCapsKw = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`f${i}`, (totalKw / 40) * (0.55 + (i % 5) * 0.08)]));
    const input: PlanInput = { miners, target: { kind: 'cap', kw: totalKw * 0.6 }, strategy: 'optimal', economics, feederCapsKw };
    let method = '';
    const t = await time(() => (method = planCurtailment(input, solve).method), 2, { digits: 0 });
    rows.push({ case: `curtailment plan: 6,000 miners, 40 feeder caps${levels ? ', 2 power targets' : ''} (${method}, mip_rel_gap 0.1 %)`, ...t, ...mark(t.p95_ms, 10_000) });
  }
  return rows;
}
