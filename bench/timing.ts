export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * Times `fn` `runs` times after one warm-up call; `before` runs untimed ahead of each sample (for
 * example to empty a cache). Works for synchronous and asynchronous functions alike.
 */
export async function time(fn: () => unknown, runs: number, opts: { before?: () => void; digits?: number } = {}) {
  await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    opts.before?.();
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  const digits = opts.digits ?? 3;
  return { p50_ms: +percentile(samples, 50).toFixed(digits), p95_ms: +percentile(samples, 95).toFixed(digits), runs };
}
