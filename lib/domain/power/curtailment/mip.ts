import { netUsdPerHour } from './economics';
import { planGreedy, sheddable } from './strategies';
import { requestedShedW, siteDrawW, summarizePlan } from './summarize';
import type { CurtailAction, CurtailMiner, CurtailPlan, PlanInput, PowerLevel } from './types';

/*
 * Optimal under several caps at once, as a 0/1 program: one binary per miner and operating point
 * (full draw, or each power target its firmware takes; none chosen = asleep), at most one point per
 * miner, the site and each capped feeder under its kW. The objective is the hour's net revenue
 * (revenue at the hashprice − energy at the tariff), so a miner that loses money is slept even under
 * the caps. Minimum on/off times fix variables: held on = exactly one point, held off = none.
 * The solver is passed in (lib/solver/highs.ts wraps HiGHS): this module only builds and reads arrays.
 */

export type MipProblem = {
  numCols: number;
  numRows: number;
  /** Maximised. */
  colCost: Float64Array;
  colLower: Float64Array;
  colUpper: Float64Array;
  rowLower: Float64Array;
  rowUpper: Float64Array;
  /** Compressed sparse columns. */
  matrix: { starts: Int32Array; indices: Int32Array; values: Float64Array };
  /** All columns are 0/1 unless relaxed. */
  integer: boolean;
  /** A feasible 0/1 point to start from (the greedy plan), so branch and bound starts with a good incumbent. */
  start?: Float64Array;
};

export type MipOptions = {
  /** Relative optimality gap at which branch and bound stops (HiGHS mip_rel_gap); set explicitly, never the default. */
  mipRelGap: number;
  timeLimitS: number;
};

export type MipResult = { status: 'optimal' | 'feasible' | 'infeasible' | 'failed'; objective: number; colValue: Float64Array };
export type MipSolver = (problem: MipProblem, options: MipOptions) => MipResult;

/**
 * 0.1 %, the bound the greedy plan meets for one cap: on 6,000 miners with power targets, closing the
 * last 0.07 % took HiGHS 15 s more, for cents an hour.
 */
export const DEFAULT_MIP_OPTIONS: MipOptions = { mipRelGap: 1e-3, timeLimitS: 8 };

type Column = { miner: CurtailMiner; level: PowerLevel };

/** The operating points a miner may run at: its measured full draw, then each lower power target. */
function pointsOf(m: CurtailMiner): PowerLevel[] {
  const full = { powerW: m.powerW, hashrateThs: m.hashrateThs };
  return [full, ...(m.levels ?? []).filter((l) => l.powerW > 0 && l.powerW < m.powerW)];
}

/** Builds the 0/1 program of a plan; `columns[j]` says which miner and point column j is. */
export function buildCurtailMip(input: PlanInput, relax = false): { problem: MipProblem; columns: Column[] } {
  const e = input.economics;
  const beforeW = siteDrawW(input.miners);
  const capW = beforeW - requestedShedW(beforeW, input.target);
  const feeders = Object.entries(input.feederCapsKw ?? {});
  const feederRow = new Map(feeders.map(([f], i) => [f, 1 + i]));
  const candidates = input.miners.filter((m) => m.powerW > 0);
  const columns: Column[] = [];
  const minerRowOf: number[] = [];
  let nextRow = 1 + feeders.length;
  const rowBounds: Array<[number, number]> = [[-Infinity, capW / 1000], ...feeders.map(([, kw]): [number, number] => [-Infinity, kw])];
  for (const m of candidates) {
    const points = pointsOf(m);
    const heldOn = !sheddable(m);
    let row = -1;
    if (points.length > 1) {
      row = nextRow++;
      rowBounds.push([heldOn ? 1 : -Infinity, 1]);
    }
    for (const level of points) {
      columns.push({ miner: m, level });
      minerRowOf.push(row);
    }
  }
  const n = columns.length;
  const colCost = new Float64Array(n);
  const colLower = new Float64Array(n);
  const colUpper = new Float64Array(n).fill(1);
  const starts = new Int32Array(n + 1);
  const indices: number[] = [];
  const values: number[] = [];
  columns.forEach(({ miner, level }, j) => {
    colCost[j] = netUsdPerHour(level, e);
    // A miner held on with a single point has no row of its own: its column is fixed at 1.
    if (miner.lock === 'on' && minerRowOf[j] === -1) colLower[j] = 1;
    const kw = level.powerW / 1000;
    const entries: Array<[number, number]> = [[0, kw]];
    const fr = miner.feederId ? feederRow.get(miner.feederId) : undefined;
    if (fr !== undefined) entries.push([fr, kw]);
    if (minerRowOf[j]! >= 0) entries.push([minerRowOf[j]!, 1]);
    for (const [r, v] of entries) {
      indices.push(r);
      values.push(v);
    }
    starts[j + 1] = indices.length;
  });
  return {
    columns,
    problem: {
      numCols: n,
      numRows: rowBounds.length,
      colCost,
      colLower,
      colUpper,
      rowLower: Float64Array.from(rowBounds, (b) => b[0]),
      rowUpper: Float64Array.from(rowBounds, (b) => b[1]),
      matrix: { starts, indices: Int32Array.from(indices), values: Float64Array.from(values) },
      integer: !relax,
    },
  };
}

/** Optimal plan through the solver: sleep or a power target per miner. Null when the solver finds no feasible plan. */
export function planMip(input: PlanInput, solve: MipSolver, options: MipOptions = DEFAULT_MIP_OPTIONS): CurtailPlan | null {
  const { problem, columns } = buildCurtailMip(input);
  // Greedy (sleep only, feeder caps respected) is feasible whenever the caps can be met, and within a
  // fraction of a per cent of the optimum: as the first incumbent it lets the solver stop at the gap early.
  const greedy = planGreedy(input);
  if (greedy.met) {
    const slept = new Set(greedy.actions.map((a) => a.minerId));
    let previous = '';
    problem.start = Float64Array.from(columns, (c) => {
      const first = c.miner.id !== previous;
      previous = c.miner.id;
      return first && !slept.has(c.miner.id) ? 1 : 0;
    });
  }
  const result = solve(problem, options);
  if (result.status !== 'optimal' && result.status !== 'feasible') return null;
  const chosen = new Map<string, PowerLevel>();
  columns.forEach((c, j) => {
    if (result.colValue[j]! > 0.5) chosen.set(c.miner.id, c.level);
  });
  const actions: CurtailAction[] = [];
  for (const m of input.miners) {
    if (m.powerW <= 0) continue;
    const level = chosen.get(m.id);
    if (!level) actions.push({ minerId: m.id, kind: 'sleep' });
    else if (level.powerW < m.powerW) actions.push({ minerId: m.id, kind: 'power_target', powerW: level.powerW });
  }
  const beforeW = siteDrawW(input.miners);
  return summarizePlan(
    { strategy: 'optimal', method: 'mip', miners: input.miners, actions, requestedShedW: requestedShedW(beforeW, input.target), feederCapsKw: input.feederCapsKw },
    input.economics,
  );
}

/** Whether a plan needs the solver: power-target levels or feeder caps under the Optimal strategy. */
export function needsSolver(input: PlanInput): boolean {
  return input.strategy === 'optimal' && (Object.keys(input.feederCapsKw ?? {}).length > 0 || input.miners.some((m) => (m.levels?.length ?? 0) > 0));
}
