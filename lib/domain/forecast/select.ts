import { type ArimaFit, type ArimaSpec, fitArima } from './arima';
import { KPSS_CRITICAL_5PCT, kpssLevel } from './kpss';
import { difference } from './start-params';

/**
 * Candidates are screened with a looser gradient test and forward differences only: at a gradient
 * of 1e-5 per observation the log-likelihood is within ~1e-7 of its maximum, far below any AIC gap
 * that decides an order, for about a third fewer evaluations.
 */
const SCREEN = { gtol: 1e-5, centralBelow: 0 };

export type OrderSearch = {
  best: ArimaFit;
  /** Every model tried, with its AIC (null where the fit failed), best first. */
  candidates: Array<{ spec: ArimaSpec; aic: number | null }>;
  /** How d was chosen: given, or the KPSS statistics of the levels (and of the differences when d = 1). */
  kpss: number[];
};

/**
 * d by KPSS at 5 % (difference while the test rejects stationarity, up to maxD: forecast::ndiffs),
 * then p ≤ maxP, q ≤ maxQ, with and without the intercept/drift, by AIC — comparable because every
 * candidate has the same d and so the same observations in its likelihood.
 */
export function searchOrder(y: ArrayLike<number>, opts: { maxP?: number; maxQ?: number; maxD?: number; d?: number } = {}): OrderSearch {
  const maxP = opts.maxP ?? 2;
  const maxQ = opts.maxQ ?? 2;
  const kpss: number[] = [];
  let d = opts.d ?? 0;
  if (opts.d === undefined) {
    for (;;) {
      const stat = kpssLevel(difference(y, d));
      kpss.push(stat);
      if (stat <= KPSS_CRITICAL_5PCT || d >= (opts.maxD ?? 1)) break;
      d++;
    }
  }
  const fits: Array<{ spec: ArimaSpec; fit: ArimaFit | null }> = [];
  for (let p = 0; p <= maxP; p++) {
    for (let q = 0; q <= maxQ; q++) {
      let plain: ArimaFit | null = null;
      for (const trend of [false, true]) {
        const spec = { p, d, q, trend };
        let fit: ArimaFit | null = null;
        try {
          // The drift model starts from the same order's fit without it (its ARMA part and the
          // intercept that keeps the differenced mean): most of the search is then already done.
          fit = fitArima(y, spec, trend && plain ? { ar: plain.ar, ma: plain.ma, intercept: meanOf(difference(y, d)) * (1 - plain.ar.reduce((s, v) => s + v, 0)) } : undefined, SCREEN);
          if (!trend) plain = fit;
          if (!Number.isFinite(fit.aic)) fit = null;
        } catch {
          fit = null;
        }
        fits.push({ spec, fit });
      }
    }
  }
  const ok = fits.filter((f): f is { spec: ArimaSpec; fit: ArimaFit } => f.fit !== null).sort((a, b) => a.fit.aic - b.fit.aic);
  if (!ok.length) throw new Error('no ARIMA model could be fitted');
  // The winner again at the default tolerance, from where the screening fit stopped.
  const winner = ok[0]!.fit;
  const best = fitArima(y, winner.spec, { intercept: winner.intercept, ar: winner.ar, ma: winner.ma });
  const chosen = best.loglike >= winner.loglike ? best : winner;
  return {
    best: chosen,
    candidates: [...ok.map((f, i) => ({ spec: f.spec, aic: i === 0 ? chosen.aic : f.fit.aic })), ...fits.filter((f) => !f.fit).map((f) => ({ spec: f.spec, aic: null }))],
    kpss,
  };
}

function meanOf(w: number[]): number {
  const v = w.filter((x) => !Number.isNaN(x));
  return v.length ? v.reduce((s, x) => s + x, 0) / v.length : 0;
}
