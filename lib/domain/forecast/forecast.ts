import type { ArimaFit } from './arima';
import { buildStateSpace } from './state-space';

/** Two-sided normal quantiles for the 80 % and 95 % intervals (as statsmodels' conf_int). */
export const Z80 = 1.2815515655446004;
export const Z95 = 1.959963984540054;

export type ForecastPoint = { step: number; mean: number; se: number; lo80: number; hi80: number; lo95: number; hi95: number };

/**
 * The h-step forecasts after the last observation: the state moved forward by T (plus the
 * intercept) with its covariance, y = Z α, variance Z P Z' σ̂² — statsmodels' get_forecast.
 */
export function forecastArima(fit: ArimaFit, steps: number): ForecastPoint[] {
  const ss = buildStateSpace(fit.spec, fit.ar, fit.ma, fit.intercept);
  const { m, d, tNonZero, zLen, rr } = ss;
  let a = Float64Array.from(fit.state.a);
  let p = Float64Array.from(fit.state.p);
  const out: ForecastPoint[] = [];
  for (let h = 1; h <= steps; h++) {
    let mean = 0;
    let v = 0;
    for (let i = 0; i < zLen; i++) {
      mean += a[i]!;
      for (let j = 0; j < zLen; j++) v += p[i * m + j]!;
    }
    const se = Math.sqrt(Math.max(0, v) * fit.sigma2);
    out.push({ step: h, mean, se, lo80: mean - Z80 * se, hi80: mean + Z80 * se, lo95: mean - Z95 * se, hi95: mean + Z95 * se });
    const an = new Float64Array(m);
    for (const [i, j, val] of tNonZero) an[i]! += val * a[j]!;
    an[d]! += fit.intercept;
    const tp = new Float64Array(m * m);
    for (const [i, j, val] of tNonZero) for (let c = 0; c < m; c++) tp[i * m + c]! += val * p[j * m + c]!;
    const pn = Float64Array.from(rr);
    for (const [i, j, val] of tNonZero) for (let r = 0; r < m; r++) pn[r * m + i]! += val * tp[r * m + j]!;
    a = an;
    p = pn;
  }
  return out;
}
