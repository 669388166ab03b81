/*
 * The maps statsmodels' SARIMAX uses to keep an ARMA model stationary and invertible while the
 * optimiser searches an unconstrained space (Monahan 1984 / Jones 1980: each unconstrained value
 * becomes a partial autocorrelation in (−1, 1), Durbin–Levinson turns those into coefficients).
 * Same maps as `constrain_stationary_univariate` / `unconstrain_stationary_univariate`, so a start
 * value and an optimum mean the same thing here and there.
 */

/** Unconstrained reals → coefficients φ of a stationary AR polynomial 1 − φ₁L − … − φₙLⁿ. */
export function constrainStationary(x: readonly number[]): number[] {
  const n = x.length;
  if (n === 0) return [];
  const r = x.map((v) => v / Math.sqrt(1 + v * v));
  let prev: number[] = [];
  for (let k = 0; k < n; k++) {
    const row = new Array<number>(k + 1);
    for (let i = 0; i < k; i++) row[i] = prev[i]! + r[k]! * prev[k - i - 1]!;
    row[k] = r[k]!;
    prev = row;
  }
  return prev.map((v) => -v);
}

/**
 * The inverse of `constrainStationary`; null when the coefficients are not stationary (a partial
 * autocorrelation outside (−1, 1)), which is how start values are checked.
 */
export function unconstrainStationary(phi: readonly number[]): number[] | null {
  const n = phi.length;
  if (n === 0) return [];
  let y = phi.map((v) => -v);
  const r = new Array<number>(n);
  for (let k = n - 1; k >= 0; k--) {
    r[k] = y[k]!;
    if (!(Math.abs(r[k]!) < 1)) return null;
    if (k === 0) break;
    const next = new Array<number>(k);
    for (let i = 0; i < k; i++) next[i] = (y[i]! - y[k]! * y[k - i - 1]!) / (1 - y[k]! * y[k]!);
    y = next;
  }
  return r.map((v) => v / Math.sqrt(1 - v * v));
}
