import { beforeAll, describe, expect, it } from 'vitest';
import { netUsdPerHour } from '@/lib/domain/power/curtailment/economics';
import { buildCurtailMip, type MipSolver, planMip } from '@/lib/domain/power/curtailment/mip';
import { planCurtailment } from '@/lib/domain/power/curtailment/plan';
import { planGreedy } from '@/lib/domain/power/curtailment/strategies';
import type { CurtailMiner, CurtailPlan, HourEconomics, PlanInput } from '@/lib/domain/power/curtailment/types';
import { syntheticFleet } from '../../tests/helpers/curtail-fleet';
import { highsSolver } from './highs';

let solve: MipSolver;
beforeAll(async () => {
  solve = await highsSolver();
});

const ECON: HourEconomics = { hashpriceUsdPerPhDay: 50, tariffUsdPerKwh: 0.06, poolFeePct: 2.5 };

/** The hour's net revenue the site keeps under a plan: each miner at the point the plan leaves it. */
function keptNet(miners: CurtailMiner[], plan: CurtailPlan): number {
  const acts = new Map(plan.actions.map((a) => [a.minerId, a]));
  let net = 0;
  for (const m of miners) {
    const a = acts.get(m.id);
    if (!a) net += netUsdPerHour(m, ECON);
    else if (a.kind === 'power_target') net += netUsdPerHour(m.levels!.find((l) => l.powerW === a.powerW)!, ECON);
  }
  return net;
}

describe('Optimal: greedy by net revenue per kW against HiGHS', () => {
  const fleet = syntheticFleet(2000);
  const totalKw = fleet.reduce((s, m) => s + m.powerW, 0) / 1000;

  it.each([0.4, 0.6, 0.8])('one cap at %s of the draw: greedy is within 0.1 per cent of the LP optimum', (share) => {
    const input: PlanInput = { miners: fleet, target: { kind: 'cap', kw: totalKw * share }, strategy: 'optimal', economics: ECON };
    const greedy = planGreedy(input);
    const lp = solve(buildCurtailMip(input, true).problem, { mipRelGap: 0, timeLimitS: 30 });
    expect(lp.status).toBe('optimal');
    const g = keptNet(fleet, greedy);
    // The LP relaxation bounds every 0/1 plan from above, so greedy can be no better than it.
    expect(g).toBeLessThanOrEqual(lp.objective + 1e-6);
    expect(g).toBeGreaterThanOrEqual(lp.objective * 0.999);
    expect(greedy.afterW).toBeLessThanOrEqual(totalKw * share * 1000);
  });

  it('the 0/1 program agrees: its optimum under one cap is within 0.1 % of greedy', () => {
    const input: PlanInput = { miners: fleet, target: { kind: 'cap', kw: totalKw * 0.6 }, strategy: 'optimal', economics: ECON };
    const mip = planMip(input, solve, { mipRelGap: 1e-4, timeLimitS: 30 })!;
    expect(mip.afterW).toBeLessThanOrEqual(totalKw * 0.6 * 1000 + 1e-6);
    expect(keptNet(fleet, planGreedy(input))).toBeGreaterThanOrEqual(keptNet(fleet, mip) * 0.999);
  });
});

describe('Optimal through HiGHS: feeder caps, power targets, minimum on/off times', () => {
  it('holds the site and every feeder cap, and keeps at least what greedy keeps under the same caps', () => {
    const fleet = syntheticFleet(800, { feeders: 8 });
    const feederCapsKw = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`f${i}`, 200 + i * 25]));
    const input: PlanInput = { miners: fleet, target: { kind: 'reduction', kw: 900 }, strategy: 'optimal', economics: ECON, feederCapsKw };
    const plan = planCurtailment(input, solve, { mipRelGap: 1e-4, timeLimitS: 10 });
    expect(plan.method).toBe('mip');
    expect(plan.met).toBe(true);
    const slept = new Set(plan.actions.map((a) => a.minerId));
    for (const [f, kw] of Object.entries(feederCapsKw)) {
      const load = fleet.filter((m) => m.feederId === f && !slept.has(m.id)).reduce((s, m) => s + m.powerW, 0);
      expect(load).toBeLessThanOrEqual(kw * 1000 + 1e-6);
    }
    // Within the gap it was asked for, the program's plan is at least as good as greedy's under the same caps.
    expect(keptNet(fleet, plan)).toBeGreaterThanOrEqual(keptNet(fleet, planGreedy(input)) * (1 - 1e-4));
  });

  it('down-clocks instead of sleeping where a power target keeps more revenue under the cap', () => {
    const fleet = syntheticFleet(300, { levels: true });
    const totalKw = fleet.reduce((s, m) => s + m.powerW, 0) / 1000;
    const input: PlanInput = { miners: fleet, target: { kind: 'cap', kw: totalKw * 0.7 }, strategy: 'optimal', economics: ECON };
    const plan = planCurtailment(input, solve, { mipRelGap: 1e-4, timeLimitS: 10 });
    expect(plan.actions.some((a) => a.kind === 'power_target')).toBe(true);
    expect(plan.afterW).toBeLessThanOrEqual(totalKw * 0.7 * 1000 + 1e-6);
    const sleepOnly = planGreedy({ ...input, miners: fleet.map((m) => ({ ...m, levels: undefined })) });
    expect(keptNet(fleet, plan)).toBeGreaterThan(keptNet(fleet, sleepOnly));
  });

  it('a miner held on keeps running (perhaps down-clocked), one held off stays off', () => {
    const fleet = syntheticFleet(50, { levels: true }).map((m, i) => (i === 0 ? { ...m, lock: 'on' as const, hashrateThs: 1 } : i === 1 ? { ...m, lock: 'off' as const, powerW: 0 } : m));
    const plan = planCurtailment({ miners: fleet, target: { kind: 'reduction', kw: 60 }, strategy: 'optimal', economics: ECON }, solve);
    // m0 loses money at 1 TH/s, so the optimum would sleep it, but its minimum on-time forbids that.
    expect(plan.actions.find((a) => a.minerId === 'm00000')?.kind).not.toBe('sleep');
    expect(plan.actions.find((a) => a.minerId === 'm00001')).toBeUndefined();
    expect(plan.shedW).toBeGreaterThanOrEqual(60_000);
  });

  it('miners held on beyond the cap: no feasible program, so the greedy plan reports the shortfall', () => {
    const fleet = syntheticFleet(20, { feeders: 2 }).map((m) => ({ ...m, lock: 'on' as const }));
    const plan = planCurtailment({ miners: fleet, target: { kind: 'reduction', kw: 5 }, strategy: 'optimal', economics: ECON, feederCapsKw: { f0: 1 } }, solve);
    expect(plan).toMatchObject({ method: 'greedy', met: false });
  });
});
