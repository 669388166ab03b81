import { kalmanFilter } from './kalman';
import { minimizeBfgs } from './optimize';
import { difference, hannanRissanen } from './start-params';
import { buildStateSpace, type Order } from './state-space';
import { constrainStationary, unconstrainStationary } from './transform';

/*
 * ARIMA(p,d,q) with an optional intercept/drift by exact maximum likelihood, as statsmodels'
 * SARIMAX(order, trend='c' or 'n') with its defaults (stationarity and invertibility enforced,
 * approximate-diffuse levels, stationary ARMA part) and the scale concentrated out. The optimiser
 * works in SARIMAX's unconstrained space, so every candidate is stationary and invertible.
 */

export type ArimaSpec = Order & { trend: boolean };

export type ArimaFit = {
  spec: ArimaSpec;
  /** SARIMAX's trend 'c': the intercept of the d-th difference's ARMA equation (a drift when d ≥ 1). */
  intercept: number;
  ar: number[];
  ma: number[];
  sigma2: number;
  loglike: number;
  /** Observations in the likelihood (observed points after the first d). */
  nobs: number;
  /** −2 log L + 2k, k counting σ² (as statsmodels). */
  aic: number;
  converged: boolean;
  evaluations: number;
  /** The filter's state after the last observation, for forecasting. */
  state: { a: Float64Array; p: Float64Array };
};

type Params = { intercept: number; ar: number[]; ma: number[] };

/*
 * The intercept is searched in units of the differenced series' standard deviation, so that all
 * coordinates are of order one (an intercept of 33 blocks beside an AR coefficient of 0.8 otherwise
 * costs the optimiser hundreds of evaluations).
 */
function fromUnconstrained(x: number[], spec: ArimaSpec, scale: number): Params {
  const k = spec.trend ? 1 : 0;
  return {
    intercept: spec.trend ? x[0]! * scale : 0,
    ar: constrainStationary(x.slice(k, k + spec.p)),
    ma: constrainStationary(x.slice(k + spec.p, k + spec.p + spec.q)).map((v) => -v),
  };
}

function toUnconstrained(params: Params, spec: ArimaSpec, scale: number): number[] {
  return [...(spec.trend ? [params.intercept / scale] : []), ...(unconstrainStationary(params.ar) ?? params.ar.map(() => 0)), ...(unconstrainStationary(params.ma.map((v) => -v)) ?? params.ma.map(() => 0))];
}

/** The concentrated log-likelihood of fixed parameters (for checks against statsmodels' `loglike`). */
export function arimaLoglike(y: ArrayLike<number>, spec: ArimaSpec, params: Params) {
  return kalmanFilter(buildStateSpace(spec, params.ar, params.ma, params.intercept), y);
}

/**
 * Fits the model to y (oldest first; NaN for a missing value). `tolerance` loosens the optimiser's
 * gradient test for a screening fit (the order search ranks candidates that way, then refits the
 * winner at the default).
 */
export function fitArima(y: ArrayLike<number>, spec: ArimaSpec, start?: Params, tolerance?: { gtol: number; centralBelow: number }): ArimaFit {
  const scale = spec.trend ? differencedSd(y, spec.d) : 1;
  const x0 = toUnconstrained(start ?? hannanRissanen(y, spec, spec.trend), spec, scale);
  // Per observation, as statsmodels scales it, so the gradient tolerance means the same at any length.
  const objective = (x: number[]) => {
    const p = fromUnconstrained(x, spec, scale);
    const r = kalmanFilter(buildStateSpace(spec, p.ar, p.ma, p.intercept), y);
    return -r.loglike / Math.max(1, r.nobs);
  };
  const opt = minimizeBfgs(objective, x0, tolerance ?? {});
  const params = fromUnconstrained(opt.x, spec, scale);
  const r = kalmanFilter(buildStateSpace(spec, params.ar, params.ma, params.intercept), y);
  const k = (spec.trend ? 1 : 0) + spec.p + spec.q + 1;
  return {
    spec,
    ...params,
    sigma2: r.sigma2,
    loglike: r.loglike,
    nobs: r.nobs,
    aic: -2 * r.loglike + 2 * k,
    converged: opt.converged,
    evaluations: opt.evaluations,
    state: { a: r.a, p: r.p },
  };
}

function differencedSd(y: ArrayLike<number>, d: number): number {
  const w = difference(y, d).filter((v) => !Number.isNaN(v));
  if (w.length < 2) return 1;
  const mean = w.reduce((s, v) => s + v, 0) / w.length;
  const sd = Math.sqrt(w.reduce((s, v) => s + (v - mean) ** 2, 0) / (w.length - 1));
  return sd > 0 ? sd : 1;
}
