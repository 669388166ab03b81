/*
 * Performance figures of an equity curve (cents, one value per day, oldest first). Daily returns
 * r_t = E_t / E_{t−1} − 1, the first against the starting equity; a day after a non-positive equity
 * has no return. The curve includes production and costs: it is the treasury's whole value, not a
 * trading account's, so compare templates with each other rather than with a fund.
 *
 *   Sharpe  = mean(r) / sd(r) · √365            (sample sd, n − 1; risk-free rate 0)
 *   Sortino = mean(r) / √(Σ min(r, 0)² / n) · √365   (downside deviation against 0; risk-free 0)
 *   Max drawdown = max over t of (peak_t − E_t) / peak_t, peak_t the highest equity up to t
 *   Total return = E_last / E_start − 1
 * Annualised with 365 because bitcoin trades every day of the year.
 */

export const PERIODS_PER_YEAR = 365;

export type Metrics = {
  totalReturn: number | null;
  maxDrawdown: number | null;
  sharpe: number | null;
  sortino: number | null;
};

export function dailyReturns(startCents: number, equityCents: ArrayLike<number>): number[] {
  const out: number[] = [];
  let prev = startCents;
  for (let i = 0; i < equityCents.length; i++) {
    const e = equityCents[i]!;
    if (prev > 0) out.push(e / prev - 1);
    prev = e;
  }
  return out;
}

export function sharpe(returns: readonly number[], periodsPerYear = PERIODS_PER_YEAR): number | null {
  const n = returns.length;
  if (n < 2) return null;
  const mean = returns.reduce((s, r) => s + r, 0) / n;
  const variance = returns.reduce((s, r) => s + (r - mean) ** 2, 0) / (n - 1);
  return variance > 0 ? (mean / Math.sqrt(variance)) * Math.sqrt(periodsPerYear) : null;
}

export function sortino(returns: readonly number[], periodsPerYear = PERIODS_PER_YEAR): number | null {
  const n = returns.length;
  if (n < 2) return null;
  const mean = returns.reduce((s, r) => s + r, 0) / n;
  const downside = Math.sqrt(returns.reduce((s, r) => s + Math.min(r, 0) ** 2, 0) / n);
  return downside > 0 ? (mean / downside) * Math.sqrt(periodsPerYear) : null;
}

export function maxDrawdown(startCents: number, equityCents: ArrayLike<number>): number | null {
  let peak = startCents;
  let worst: number | null = null;
  for (let i = 0; i < equityCents.length; i++) {
    const e = equityCents[i]!;
    if (e > peak) peak = e;
    if (peak > 0) worst = Math.max(worst ?? 0, (peak - e) / peak);
  }
  return worst;
}

export function computeMetrics(startCents: number, equityCents: ArrayLike<number>): Metrics {
  const r = dailyReturns(startCents, equityCents);
  const last = equityCents.length ? equityCents[equityCents.length - 1]! : null;
  return {
    totalReturn: startCents > 0 && last !== null ? last / startCents - 1 : null,
    maxDrawdown: maxDrawdown(startCents, equityCents),
    sharpe: sharpe(r),
    sortino: sortino(r),
  };
}
