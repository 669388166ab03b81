/**
 * The KPSS statistic for level stationarity (Kwiatkowski et al. 1992) with Bartlett weights and
 * the short lag ⌊3√n/13⌋, as R's tseries::kpss.test(lshort = TRUE) that forecast::ndiffs uses.
 * Missing values are dropped (the observed points are taken in order).
 */
export function kpssLevel(y: ArrayLike<number>): number {
  const x = Array.from(y).filter((v) => !Number.isNaN(v));
  const n = x.length;
  if (n < 3) return 0;
  const mean = x.reduce((s, v) => s + v, 0) / n;
  const e = x.map((v) => v - mean);
  let cum = 0;
  let eta = 0;
  for (const v of e) {
    cum += v;
    eta += cum * cum;
  }
  const lags = Math.trunc((3 * Math.sqrt(n)) / 13);
  let s2 = e.reduce((s, v) => s + v * v, 0);
  for (let l = 1; l <= lags; l++) {
    let c = 0;
    for (let t = l; t < n; t++) c += e[t]! * e[t - l]!;
    s2 += 2 * (1 - l / (lags + 1)) * c;
  }
  s2 /= n;
  return s2 > 0 ? eta / (n * n * s2) : 0;
}

/** The 5 % critical value of the level KPSS test: above it, the series is taken as not stationary. */
export const KPSS_CRITICAL_5PCT = 0.463;
