/*
 * BFGS with central-difference gradients and a backtracking (Armijo) line search: the models here
 * have at most seven parameters, so a dense inverse Hessian is cheap, and a likelihood evaluation
 * is a fraction of a millisecond. Stops when the gradient or the step is below tolerance.
 */

export type MinimizeResult = { x: number[]; f: number; iterations: number; evaluations: number; converged: boolean };

export function minimizeBfgs(fn: (x: number[]) => number, x0: number[], opts: { gtol?: number; maxIter?: number; centralBelow?: number } = {}): MinimizeResult {
  const n = x0.length;
  const gtol = opts.gtol ?? 1e-7;
  const centralBelow = opts.centralBelow ?? 1e-3;
  const maxIter = opts.maxIter ?? 200;
  let evaluations = 0;
  const f = (x: number[]) => {
    evaluations++;
    const v = fn(x);
    return Number.isFinite(v) ? v : Number.POSITIVE_INFINITY;
  };
  // Forward differences while far from the optimum (n + 1 evaluations), central ones near it (2n),
  // where the gradient is small and its error matters.
  const grad = (x: number[], fx: number, central: boolean) =>
    x.map((xi, i) => {
      const h = (central ? 1e-6 : 1e-7) * Math.max(1, Math.abs(xi));
      const up = [...x];
      up[i] = xi + h;
      if (!central) return (f(up) - fx) / h;
      const dn = [...x];
      dn[i] = xi - h;
      return (f(up) - f(dn)) / (2 * h);
    });
  const gradAt = (x: number[], fx: number) => {
    const g = grad(x, fx, false);
    return Math.max(...g.map(Math.abs)) < centralBelow ? grad(x, fx, true) : g;
  };
  let x = [...x0];
  let fx = f(x);
  if (n === 0) return { x, f: fx, iterations: 0, evaluations, converged: true };
  let g = gradAt(x, fx);
  let h = identity(n);
  let iterations = 0;
  let converged = false;
  while (iterations < maxIter) {
    if (Math.max(...g.map(Math.abs)) < gtol) {
      converged = true;
      break;
    }
    iterations++;
    let dir = h.map((row) => -dot(row, g));
    let slope = dot(g, dir);
    if (!(slope < 0)) {
      // Not a descent direction (the curvature estimate went wrong): restart along the gradient.
      h = identity(n);
      dir = g.map((v) => -v);
      slope = dot(g, dir);
    }
    let step = 1;
    let xNew = x;
    let fNew = fx;
    for (let k = 0; k < 40; k++) {
      xNew = x.map((v, i) => v + step * dir[i]!);
      fNew = f(xNew);
      if (fNew <= fx + 1e-4 * step * slope) break;
      step /= 2;
    }
    if (!(fNew < fx)) {
      converged = Math.max(...g.map(Math.abs)) < Math.sqrt(gtol);
      break;
    }
    const gNew = gradAt(xNew, fNew);
    const s = xNew.map((v, i) => v - x[i]!);
    const yv = gNew.map((v, i) => v - g[i]!);
    const sy = dot(s, yv);
    if (sy > 1e-16) {
      // Before the first update, scale H₀ = I to the curvature just seen (Nocedal & Wright 6.20),
      // which saves most of the early steps when the parameters have different scales.
      if (iterations === 1) h = identity(n).map((row) => row.map((v) => (v * sy) / dot(yv, yv)));
      // H ← (I − ρ s y') H (I − ρ y s') + ρ s s'
      const rho = 1 / sy;
      const hy = h.map((row) => dot(row, yv));
      const yhy = dot(yv, hy);
      h = h.map((row, i) => row.map((v, j) => v - rho * (hy[i]! * s[j]! + s[i]! * hy[j]!) + (rho * rho * yhy + rho) * s[i]! * s[j]!));
    }
    const small = Math.abs(fx - fNew) < 1e-15 * Math.max(1, Math.abs(fx));
    x = xNew;
    fx = fNew;
    g = gNew;
    if (small) {
      converged = true;
      break;
    }
  }
  return { x, f: fx, iterations, evaluations, converged };
}

const dot = (a: number[], b: number[]) => a.reduce((s, v, i) => s + v * b[i]!, 0);
const identity = (n: number): number[][] => Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
