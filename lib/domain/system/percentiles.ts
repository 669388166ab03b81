/**
 * Latency summaries. Percentiles by linear interpolation between closest ranks (numpy's default,
 * "type 7"): p50 of [10, 20, 30, 40] is 25, p95 is 38.5. An empty sample has no percentile (null),
 * never 0.
 */
export function percentile(sortedAsc: readonly number[], p: number): number | null {
  const n = sortedAsc.length;
  if (n === 0) return null;
  if (n === 1) return sortedAsc[0]!;
  const rank = (Math.min(100, Math.max(0, p)) / 100) * (n - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sortedAsc[lo]! + (sortedAsc[hi]! - sortedAsc[lo]!) * (rank - lo);
}

export type LatencySummary = { count: number; p50Ms: number | null; p95Ms: number | null; maxMs: number | null };

export function summarizeLatency(samplesMs: readonly number[]): LatencySummary {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  return { count: sorted.length, p50Ms: percentile(sorted, 50), p95Ms: percentile(sorted, 95), maxMs: sorted.length ? sorted[sorted.length - 1]! : null };
}

/** errors ÷ total, or null when nothing happened (a rate of an empty window is unknown, not 0 %). */
export function ratio(part: number, total: number): number | null {
  return total > 0 ? part / total : null;
}

/**
 * A route's path with its variable segments replaced, so /api/hosting/miners/7f3c…/commands and the
 * same path for another miner count as one route: UUIDs → :id, numbers → :n, long hex/base64url
 * tokens (≥ 20 characters with a digit) → :token.
 */
export function routeKey(pathname: string): string {
  return (
    pathname
      .split('/')
      .map((s) => {
        if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s)) return ':id';
        if (/^\d+$/.test(s)) return ':n';
        if (s.length >= 20 && /\d/.test(s) && /^[A-Za-z0-9_-]+$/.test(s)) return ':token';
        return s;
      })
      .join('/') || '/'
  );
}
