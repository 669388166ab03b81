import { ols } from './linalg';
import type { Order } from './state-space';
import { unconstrainStationary } from './transform';

/** The d-th difference of y; NaN wherever a value it needs is missing. */
export function difference(y: ArrayLike<number>, d: number): number[] {
  let w = Array.from(y);
  for (let k = 0; k < d; k++) w = w.slice(1).map((v, i) => v - w[i]!);
  return w;
}

/**
 * Start values by Hannan–Rissanen on the differenced series (the intercept from its mean): a long
 * autoregression estimates the innovations, then one regression on lagged values and lagged
 * innovations gives φ and θ. A part that comes out non-stationary or non-invertible starts at zero,
 * as statsmodels does when its own start values fail the same check.
 */
export function hannanRissanen(y: ArrayLike<number>, order: Order, trend: boolean): { intercept: number; ar: number[]; ma: number[] } {
  const w = difference(y, order.d);
  const valid = w.filter((v) => !Number.isNaN(v));
  const mu = trend && valid.length ? valid.reduce((s, v) => s + v, 0) / valid.length : 0;
  const z = w.map((v) => v - mu);
  const { p, q } = order;
  let ar = new Array<number>(p).fill(0);
  let ma = new Array<number>(q).fill(0);
  if (p + q > 0) {
    let e: number[] | null = null;
    if (q > 0) {
      const long = Math.max(p + q, Math.min(20, Math.floor(valid.length / 10)));
      const phiLong = regress(z, long, [], []);
      if (phiLong) e = z.map((v, t) => (t < long ? Number.NaN : v - phiLong.reduce((s, c, i) => s + c * z[t - 1 - i]!, 0)));
    }
    const beta = regress(z, p, e ?? [], q > 0 && e ? Array.from({ length: q }, (_, j) => j + 1) : []);
    if (beta) {
      ar = beta.slice(0, p);
      if (e) ma = beta.slice(p, p + q);
    }
  }
  if (!unconstrainStationary(ar)) ar = ar.map(() => 0);
  if (!unconstrainStationary(ma.map((v) => -v))) ma = ma.map(() => 0);
  return { intercept: mu * (1 - ar.reduce((s, v) => s + v, 0)), ar, ma };
}

/** OLS of z_t on z_{t−1..t−p} and e_{t−l} for the lags l, over the rows with every value present. */
function regress(z: number[], p: number, e: number[], eLags: number[]): number[] | null {
  const xs: number[][] = [];
  const ys: number[] = [];
  const start = Math.max(p, ...eLags.map((l) => l), 0);
  for (let t = start; t < z.length; t++) {
    const row = [...Array.from({ length: p }, (_, i) => z[t - 1 - i]!), ...eLags.map((l) => e[t - l] ?? Number.NaN)];
    if (Number.isNaN(z[t]!) || row.some(Number.isNaN)) continue;
    xs.push(row);
    ys.push(z[t]!);
  }
  if (ys.length <= p + eLags.length + 1) return null;
  try {
    return ols(xs, ys);
  } catch {
    return null;
  }
}
