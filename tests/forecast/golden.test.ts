import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { arimaLoglike, fitArima } from '@/lib/domain/forecast/arima';
import { forecastArima } from '@/lib/domain/forecast/forecast';

/*
 * The TypeScript ARIMA against statsmodels' SARIMAX on real bundled series (fixtures made by
 * scripts/forecast-golden.py): coefficients within 1e-3, forecasts and their intervals within 0.1 %.
 */

type Golden = {
  name: string;
  order: { p: number; d: number; q: number };
  trend: boolean;
  y: Array<number | null>;
  params: { intercept: number; ar: number[]; ma: number[]; sigma2: number };
  loglike: number;
  aic: number;
  forecast: Record<'mean' | 'se' | 'lo80' | 'hi80' | 'lo95' | 'hi95', number[]>;
};

const dir = path.join(import.meta.dirname, '../fixtures/forecast');
const goldens: Golden[] = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as Golden);

const relErr = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-12);

describe.each(goldens.map((g) => [g.name, g] as const))('%s', (_name, g) => {
  const y = g.y.map((v) => (v === null ? Number.NaN : v));
  const spec = { ...g.order, trend: g.trend };

  it('has the same log-likelihood as statsmodels at statsmodels’ estimates', () => {
    const r = arimaLoglike(y, spec, g.params);
    // statsmodels' nobs_effective also counts the missing days; the likelihood does not.
    expect(r.nobs).toBe(y.slice(g.order.d).filter((v) => !Number.isNaN(v)).length);
    expect(Math.abs(r.loglike - g.loglike)).toBeLessThan(1e-6 * Math.abs(g.loglike) + 1e-6);
    expect(relErr(r.sigma2, g.params.sigma2)).toBeLessThan(1e-6);
  });

  it('estimates the coefficients within 1e-3 and the log-likelihood no worse', () => {
    const fit = fitArima(y, spec);
    expect(Math.abs(fit.intercept - g.params.intercept)).toBeLessThan(1e-3);
    fit.ar.forEach((v, i) => expect(Math.abs(v - g.params.ar[i]!)).toBeLessThan(1e-3));
    fit.ma.forEach((v, i) => expect(Math.abs(v - g.params.ma[i]!)).toBeLessThan(1e-3));
    expect(relErr(fit.sigma2, g.params.sigma2)).toBeLessThan(1e-3);
    expect(fit.loglike).toBeGreaterThan(g.loglike - 1e-5);
    expect(Math.abs(fit.aic - g.aic)).toBeLessThan(1e-3);
  });

  it('forecasts 30 steps and their 80 % / 95 % intervals within 0.1 %', () => {
    const fc = forecastArima(fitArima(y, spec), g.forecast.mean.length);
    for (const key of ['mean', 'se', 'lo80', 'hi80', 'lo95', 'hi95'] as const) {
      fc.forEach((p, i) => expect(relErr(p[key], g.forecast[key][i]!), `${key}[${i}]`).toBeLessThan(1e-3));
    }
  });
});
