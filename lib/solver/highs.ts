import loadHighs, { type Highs } from 'highs';
import type { MipProblem, MipResult, MipSolver } from '@/lib/domain/power/curtailment/mip';

/*
 * HiGHS (the `highs` package: the Edinburgh solver compiled to WebAssembly, no native add-on) behind
 * the curtailment planner's MipSolver. Loading compiles the Wasm once per process; each solve gets a
 * fresh native model, disposed before it returns.
 */

let loading: Promise<Highs> | null = null;

export async function highsSolver(): Promise<MipSolver> {
  loading ??= loadHighs();
  const highs = await loading;
  return (p, o) => solveWith(highs, p, o);
}

function solveWith(highs: Highs, p: MipProblem, o: Parameters<MipSolver>[1]): MipResult {
  const { variableType, objectiveSense } = highs.constants;
  return highs.withModel(
    {
      numCols: p.numCols,
      numRows: p.numRows,
      sense: objectiveSense.maximize,
      colCost: p.colCost,
      colLower: p.colLower,
      colUpper: p.colUpper,
      rowLower: p.rowLower.map((v) => (v === -Infinity ? -highs.infinity : v)),
      rowUpper: p.rowUpper.map((v) => (v === Infinity ? highs.infinity : v)),
      matrix: { format: 'csc', numRows: p.numRows, numCols: p.numCols, ...p.matrix },
      integrality: p.integer ? new Int32Array(p.numCols).fill(variableType.integer) : undefined,
    },
    (model) => {
      // Presolve off: on 6,000 binaries in 41 knapsack rows it spent 5.5 s of a 6.6 s solve and removed
      // nothing the branch and bound needed (3.3 s without it); with power targets it is a wash.
      model.options.set({ output_flag: false, presolve: 'off', mip_rel_gap: o.mipRelGap, time_limit: o.timeLimitS });
      if (p.start) model.setSolution({ colValue: p.start });
      const { modelStatus } = model.run();
      const codes = highs.constants.modelStatus;
      const hasSolution = Number(model.info.get('primal_solution_status')) === highs.constants.solutionStatus.feasible;
      // A time limit with an incumbent is a usable (feasible) plan; the gap is then wider than asked.
      const status: MipResult['status'] =
        modelStatus === codes.optimal ? 'optimal' : hasSolution ? 'feasible' : modelStatus === codes.infeasible ? 'infeasible' : 'failed';
      return { status, objective: hasSolution ? model.getObjectiveValue() : NaN, colValue: hasSolution ? model.getSolution().colValue : new Float64Array(p.numCols) };
    },
  );
}
