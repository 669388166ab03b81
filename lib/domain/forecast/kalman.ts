import type { StateSpace } from './state-space';

/*
 * The Kalman filter for a univariate observation with no measurement noise (y_t = Z α_t), run at
 * σ² = 1 so the scale can be concentrated out of the likelihood (statsmodels' concentrate_scale):
 *   σ̂² = Σ v²/F / n,   log L = −n/2 (log 2π + log σ̂² + 1) − ½ Σ log F
 * over the n observed points after the first d (SARIMAX's loglikelihood_burn: the diffuse level
 * states make those predictions meaningless). Missing values (NaN) skip the update, as in statsmodels.
 * Once P stops changing the filter keeps its gain and only moves the mean: the usual steady state,
 * which makes a likelihood evaluation on 1,000 points cost about as much as a few dozen full steps.
 */

export type FilterResult = {
  loglike: number;
  sigma2: number;
  nobs: number;
  /** One-step prediction of the state after the last observation, and its covariance (σ² = 1). */
  a: Float64Array;
  p: Float64Array;
  /** Standardised one-step errors v/√F for every observed point (NaN in the burn-in and where missing). */
  residuals?: Float64Array;
};

const LOG_2PI = Math.log(2 * Math.PI);
const STEADY_TOL = 1e-10;
/** Runs of missing values at least this long are crossed by doubling rather than step by step. */
const GAP_DOUBLING_MIN = 8;

export function kalmanFilter(ss: StateSpace, y: ArrayLike<number>, opts: { residuals?: boolean } = {}): FilterResult {
  const { m, d, tRow, tCol, tVal, zLen, rr, intercept } = ss;
  const nz = tRow.length;
  const mm = m * m;
  const a = Float64Array.from(ss.a0);
  let p = Float64Array.from(ss.p0);
  let pNext = new Float64Array(mm);
  // The predicted P of the current step, kept to see when the next one equals it.
  const pPred = Float64Array.from(ss.p0);
  const tp = new Float64Array(mm);
  const k = new Float64Array(m);
  const af = new Float64Array(m);
  const pz = new Float64Array(m);
  const residuals = opts.residuals ? new Float64Array(y.length).fill(Number.NaN) : undefined;
  let sumLogF = 0;
  let sumV2F = 0;
  let nobs = 0;
  let steady = false;
  let f = 1;
  let logF = 0;
  const n = y.length;
  for (let t = 0; t < n; t++) {
    const yt = y[t]!;
    const observed = yt === yt;
    if (!observed) {
      let run = 1;
      while (t + run < n && Number.isNaN(y[t + run]!)) run++;
      if (run >= GAP_DOUBLING_MIN) {
        // A long run of missing values: move a and P across it at once (see predictAcross).
        predictAcross(ss, a, p, run);
        for (let i = 0; i < mm; i++) pPred[i] = p[i]!;
        steady = false;
        t += run - 1;
        continue;
      }
    }
    if (observed) {
      let v = yt;
      for (let i = 0; i < zLen; i++) v -= a[i]!;
      if (!steady) {
        for (let i = 0; i < m; i++) {
          let s = 0;
          for (let j = 0; j < zLen; j++) s += p[i * m + j]!;
          pz[i] = s;
        }
        f = 0;
        for (let i = 0; i < zLen; i++) f += pz[i]!;
        logF = Math.log(f);
        for (let i = 0; i < m; i++) k[i] = pz[i]! / f;
        // P_f = P − (P Z')(P Z')' / F, in place.
        for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) p[i * m + j]! -= pz[i]! * k[j]!;
      }
      for (let i = 0; i < m; i++) af[i] = a[i]! + k[i]! * v;
      if (t >= d) {
        sumLogF += logF;
        sumV2F += (v * v) / f;
        nobs++;
        if (residuals) residuals[t] = v / Math.sqrt(f);
      }
    } else {
      steady = false;
      for (let i = 0; i < m; i++) af[i] = a[i]!;
    }
    // Predict: a = T a_f + c e_d; P = T P_f T' + R R'. (Plain loops: TypedArray fill/set cost more than the maths at m ≤ 6.)
    for (let i = 0; i < m; i++) a[i] = 0;
    for (let e = 0; e < nz; e++) a[tRow[e]!]! += tVal[e]! * af[tCol[e]!]!;
    a[d]! += intercept;
    if (!steady) {
      for (let i = 0; i < mm; i++) tp[i] = 0;
      for (let e = 0; e < nz; e++) {
        const i = tRow[e]! * m;
        const j = tCol[e]! * m;
        const v = tVal[e]!;
        for (let c = 0; c < m; c++) tp[i + c]! += v * p[j + c]!;
      }
      for (let i = 0; i < mm; i++) pNext[i] = rr[i]!;
      for (let e = 0; e < nz; e++) {
        const i = tRow[e]!;
        const j = tCol[e]!;
        const v = tVal[e]!;
        for (let r = 0; r < m; r++) pNext[r * m + i]! += v * tp[r * m + j]!;
      }
      if (observed && t >= d) {
        let diff = 0;
        for (let i = 0; i < mm; i++) diff = Math.max(diff, Math.abs(pNext[i]! - pPred[i]!));
        steady = diff < STEADY_TOL;
      }
      for (let i = 0; i < mm; i++) pPred[i] = pNext[i]!;
      const swap = p;
      p = pNext;
      pNext = swap;
    }
  }
  const sigma2 = nobs > 0 ? sumV2F / nobs : Number.NaN;
  const loglike = -0.5 * nobs * (LOG_2PI + Math.log(sigma2) + 1) - 0.5 * sumLogF;
  return { loglike, sigma2, nobs, a, p, ...(residuals ? { residuals } : {}) };
}

/**
 * L prediction steps without an observation in O(m³ log L) rather than O(L): the affine map
 * (a, P) → (T a + c e_d, T P T' + R R') composed with itself by repeated squaring. Updates a and P in place.
 */
function predictAcross(ss: StateSpace, a: Float64Array, p: Float64Array, steps: number): void {
  const { m, d, tNonZero, rr, intercept } = ss;
  // The step operator: x → A x + s,  P → A P A' + Q.
  const step: Affine = { A: new Float64Array(m * m), s: new Float64Array(m), q: Float64Array.from(rr) };
  for (const [i, j, v] of tNonZero) step.A[i * m + j] = v;
  step.s[d] = intercept;
  let base = step;
  let acc: Affine | null = null;
  for (let k = steps; k > 0; ) {
    if (k & 1) acc = acc ? compose(base, acc, m) : base;
    k >>= 1;
    if (k > 0) base = compose(base, base, m);
  }
  const na = matVec(acc!.A, a, m);
  const np = sandwich(acc!.A, p, m);
  for (let i = 0; i < m; i++) a[i] = na[i]! + acc!.s[i]!;
  for (let i = 0; i < m * m; i++) p[i] = np[i]! + acc!.q[i]!;
}

/** x → A x + s with P → A P A' + Q; compose never writes to its arguments, so one may be shared. */
type Affine = { A: Float64Array; s: Float64Array; q: Float64Array };

/** outer ∘ inner: A = A_o A_i, s = A_o s_i + s_o, Q = A_o Q_i A_o' + Q_o (powers of one map commute, so the order is free). */
function compose(outer: Affine, inner: Affine, m: number): Affine {
  const s = matVec(outer.A, inner.s, m);
  for (let i = 0; i < m; i++) s[i]! += outer.s[i]!;
  const q = sandwich(outer.A, inner.q, m);
  for (let i = 0; i < m * m; i++) q[i]! += outer.q[i]!;
  return { A: matMul(outer.A, inner.A, m), s, q };
}

function matMul(x: Float64Array, y: Float64Array, m: number): Float64Array {
  const out = new Float64Array(m * m);
  for (let i = 0; i < m; i++)
    for (let k = 0; k < m; k++) {
      const v = x[i * m + k]!;
      if (v === 0) continue;
      for (let j = 0; j < m; j++) out[i * m + j]! += v * y[k * m + j]!;
    }
  return out;
}

function matVec(x: Float64Array, v: Float64Array, m: number): Float64Array {
  const out = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    let s = 0;
    for (let j = 0; j < m; j++) s += x[i * m + j]! * v[j]!;
    out[i] = s;
  }
  return out;
}

/** X P X'. */
function sandwich(x: Float64Array, p: Float64Array, m: number): Float64Array {
  const xp = matMul(x, p, m);
  const out = new Float64Array(m * m);
  for (let i = 0; i < m; i++)
    for (let j = 0; j < m; j++) {
      let s = 0;
      for (let k = 0; k < m; k++) s += xp[i * m + k]! * x[j * m + k]!;
      out[i * m + j] = s;
    }
  return out;
}
