import { solveFlat } from './linalg';

/*
 * ARIMA(p,d,q) in statsmodels SARIMAX's default state-space form (Harvey representation, differencing
 * kept inside the state rather than applied to the data): the first d states carry the undifferenced
 * levels, the next r = max(p, q+1) the ARMA part of the d-th difference, whose equation holds the
 * intercept c (SARIMAX's trend 'c': a drift when d ≥ 1, an intercept when d = 0).
 *   y_t = Z α_t,   α_{t+1} = T α_t + c·e_d + R ε_t,   ε_t ~ N(0, σ²)
 * Initialisation as SARIMAX's default with enforce_stationarity: the level states approximately
 * diffuse (variance 1e6, mean 0), the ARMA states from their stationary distribution.
 */

export type Order = { p: number; d: number; q: number };

export type StateSpace = {
  m: number;
  d: number;
  /** Non-zero entries of T as [row, col, value]: T is mostly zeros, and the filter runs on this list. */
  tNonZero: Array<[number, number, number]>;
  /** The same entries as flat arrays, for the filter's inner loops. */
  tRow: Int32Array;
  tCol: Int32Array;
  tVal: Float64Array;
  /** Z is 1 on the first d + 1 states (the levels and the first ARMA state) and 0 elsewhere. */
  zLen: number;
  /** R R' (σ² = 1: the scale is concentrated out). */
  rr: Float64Array;
  intercept: number;
  a0: Float64Array;
  p0: Float64Array;
};

export const APPROX_DIFFUSE_VARIANCE = 1e6;

export function buildStateSpace(order: Order, ar: readonly number[], ma: readonly number[], intercept: number): StateSpace {
  const { d } = order;
  const r = Math.max(order.p, order.q + 1);
  const m = d + r;
  const tNonZero: Array<[number, number, number]> = [];
  for (let i = 0; i < d; i++) {
    for (let j = i; j < d; j++) tNonZero.push([i, j, 1]);
    tNonZero.push([i, d, 1]);
  }
  for (let i = 0; i < r; i++) {
    if (i < ar.length && ar[i] !== 0) tNonZero.push([d + i, d, ar[i]!]);
    if (i + 1 < r) tNonZero.push([d + i, d + i + 1, 1]);
  }
  const sel = new Float64Array(m);
  sel[d] = 1;
  for (let j = 0; j < ma.length; j++) sel[d + 1 + j] = ma[j]!;
  const rr = new Float64Array(m * m);
  for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) rr[i * m + j] = sel[i]! * sel[j]!;

  // Stationary block: P = T P T' + R R' by vec(P) = (I − T⊗T)⁻¹ vec(R R'); the mean (I − T)⁻¹ c e₁.
  // Flat arrays and one elimination: this runs once per likelihood evaluation, beside a filter pass.
  const a0 = new Float64Array(m);
  const p0 = new Float64Array(m * m);
  for (let i = 0; i < d; i++) p0[i * m + i] = APPROX_DIFFUSE_VARIANCE;
  const tArma = new Float64Array(r * r);
  for (const [i, j, v] of tNonZero) if (i >= d) tArma[(i - d) * r + (j - d)] = v;
  const n2 = r * r;
  const big = new Float64Array(n2 * n2);
  const rhs = new Float64Array(n2);
  for (let i = 0; i < r; i++) {
    for (let j = 0; j < r; j++) {
      const row = i * r + j;
      rhs[row] = rr[(d + i) * m + d + j]!;
      for (let k = 0; k < r; k++) {
        const tik = tArma[i * r + k]!;
        if (tik === 0) continue;
        for (let l = 0; l < r; l++) big[row * n2 + k * r + l]! -= tik * tArma[j * r + l]!;
      }
      big[row * n2 + row]! += 1;
    }
  }
  const vecP = solveFlat(big, rhs, n2);
  for (let i = 0; i < r; i++) for (let j = 0; j < r; j++) p0[(d + i) * m + d + j] = vecP[i * r + j]!;
  if (intercept !== 0) {
    const eye = new Float64Array(r * r);
    for (let i = 0; i < r; i++) for (let j = 0; j < r; j++) eye[i * r + j] = (i === j ? 1 : 0) - tArma[i * r + j]!;
    const b = new Float64Array(r);
    b[0] = intercept;
    const mean = solveFlat(eye, b, r);
    for (let i = 0; i < r; i++) a0[d + i] = mean[i]!;
  }
  return {
    m,
    d,
    tNonZero,
    tRow: Int32Array.from(tNonZero, (e) => e[0]),
    tCol: Int32Array.from(tNonZero, (e) => e[1]),
    tVal: Float64Array.from(tNonZero, (e) => e[2]),
    zLen: d + 1,
    rr,
    intercept,
    a0,
    p0,
  };
}
