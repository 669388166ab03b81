import { describe, expect, it } from 'vitest';
import { fitArima } from './arima';
import { metrics, rollingBacktest } from './backtest';
import { forecastArima, Z80, Z95 } from './forecast';
import { KPSS_CRITICAL_5PCT, kpssLevel } from './kpss';
import { searchOrder } from './select';
import { constrainStationary, unconstrainStationary } from './transform';

/** A deterministic N(0,1) stream (xorshift + Box–Muller), so the tests need no fixtures. */
function normals(n: number, seed = 7): number[] {
  let s = seed;
  const u = () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return ((s >>> 0) + 0.5) / 4294967296;
  };
  return Array.from({ length: n }, () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u()));
}

function simulateArma(n: number, phi: number, theta: number, c: number, seed = 7): number[] {
  const e = normals(n + 100, seed);
  const y: number[] = [];
  let prev = c / (1 - phi);
  for (let t = 1; t < e.length; t++) {
    prev = c + phi * prev + e[t]! + theta * e[t - 1]!;
    y.push(prev);
  }
  return y.slice(-n);
}

describe('stationarity transforms', () => {
  it.each([[[0.5]], [[-0.3, 0.2]], [[1.2, -0.5]], [[0.1, 0.1, 0.1]]])('round-trips %j', (phi) => {
    const x = unconstrainStationary(phi)!;
    constrainStationary(x).forEach((v, i) => expect(v).toBeCloseTo(phi[i]!, 12));
  });
  it.each([[[1.0]], [[1.5]], [[0.5, 0.6]]])('refuses non-stationary %j', (phi) => {
    expect(unconstrainStationary(phi)).toBeNull();
  });
});

describe('fitArima', () => {
  it('recovers an ARMA(1,1) with intercept from 2,000 simulated points', () => {
    const fit = fitArima(simulateArma(2000, 0.6, -0.3, 1), { p: 1, d: 0, q: 1, trend: true });
    // Within about two standard errors of the true values at n = 2,000.
    expect(Math.abs(fit.ar[0]! - 0.6)).toBeLessThan(0.1);
    expect(Math.abs(fit.ma[0]! + 0.3)).toBeLessThan(0.1);
    expect(fit.intercept / (1 - fit.ar[0]!)).toBeCloseTo(2.5, 0);
    expect(fit.sigma2).toBeCloseTo(1, 1);
    expect(fit.converged).toBe(true);
  });
  it('a random walk forecasts its last value, with bands growing as √h', () => {
    const y = normals(300).reduce<number[]>((acc, e) => [...acc, (acc.at(-1) ?? 0) + e], []);
    const fit = fitArima(y, { p: 0, d: 1, q: 0, trend: false });
    const fc = forecastArima(fit, 4);
    fc.forEach((p) => expect(p.mean).toBeCloseTo(y.at(-1)!, 9));
    expect(fc[3]!.se / fc[0]!.se).toBeCloseTo(2, 9);
    expect((fc[0]!.hi95 - fc[0]!.mean) / fc[0]!.se).toBeCloseTo(Z95, 12);
    expect((fc[0]!.hi80 - fc[0]!.mean) / fc[0]!.se).toBeCloseTo(Z80, 12);
  });
  it('skips missing values rather than failing', () => {
    const y = simulateArma(400, 0.5, 0, 0);
    for (let i = 100; i < 140; i++) y[i] = Number.NaN;
    const fit = fitArima(y, { p: 1, d: 0, q: 0, trend: false });
    expect(fit.nobs).toBe(360);
    expect(fit.ar[0]).toBeCloseTo(0.5, 1);
  });
});

describe('order search', () => {
  it('KPSS rejects a random walk and accepts white noise', () => {
    const e = normals(500);
    expect(kpssLevel(e)).toBeLessThan(KPSS_CRITICAL_5PCT);
    expect(kpssLevel(e.reduce<number[]>((acc, v) => [...acc, (acc.at(-1) ?? 0) + v], []))).toBeGreaterThan(KPSS_CRITICAL_5PCT);
  });
  it('finds an AR(1) among the 18 candidates and lists every one', () => {
    const s = searchOrder(simulateArma(600, 0.7, 0, 0, 11));
    expect(s.best.spec.d).toBe(0);
    expect(s.best.spec.p).toBeGreaterThanOrEqual(1);
    expect(s.candidates).toHaveLength(18);
  });
});

describe('backtest', () => {
  it('pools RMSE, MAE and MAPE over forecasts', () => {
    expect(metrics([[110, 100], [90, 100]])).toEqual({ rmse: 10, mae: 10, mape: 10, n: 2 });
  });
  it('a random walk does not beat the naive forecast by construction (equal errors)', () => {
    const y = normals(300).reduce<number[]>((acc, e) => [...acc, (acc.at(-1) ?? 0) + e], []);
    const b = rollingBacktest(y, { p: 0, d: 1, q: 0, trend: false }, { horizon: 5, origins: 6 })!;
    expect(b.model.rmse).toBeCloseTo(b.naive.rmse, 9);
    expect(b.beatsNaive).toBe(false);
    expect(b.origins).toBe(6);
  });
  it('a strongly mean-reverting series beats the naive forecast', () => {
    const b = rollingBacktest(simulateArma(500, 0.3, 0, 0, 3), { p: 1, d: 0, q: 0, trend: false }, { horizon: 5, origins: 10 })!;
    expect(b.beatsNaive).toBe(true);
  });
});
