import { DEFAULT_MIP_OPTIONS, type MipOptions, type MipSolver, needsSolver, planMip } from './mip';
import { planGreedy } from './strategies';
import type { CurtailPlan, PlanInput } from './types';

/**
 * A curtailment plan: greedy for the ordering strategies and for Optimal under one cap (within 0.1 %
 * of the LP optimum, see the test); the 0/1 program when Optimal must respect feeder caps or may
 * down-clock. When the program has no feasible plan (miners held on exceed a cap), the greedy plan
 * says how far off it is (`met: false`).
 */
export function planCurtailment(input: PlanInput, solve?: MipSolver, options: MipOptions = DEFAULT_MIP_OPTIONS): CurtailPlan {
  if (needsSolver(input)) {
    if (!solve) throw new Error('this plan needs the MIP solver (feeder caps or power-target levels)');
    const plan = planMip(input, solve, options);
    if (plan) return plan;
  }
  return planGreedy(input);
}
