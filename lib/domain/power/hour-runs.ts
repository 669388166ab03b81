const HOUR_MS = 3_600_000;

/**
 * Sorted UTC hour starts as [from, to) runs of consecutive hours, none longer than `maxHours`, so
 * re-aggregating scattered late hours touches only them and each transaction stays short.
 */
export function hourRuns(hours: readonly Date[], maxHours = 24): { from: Date; to: Date }[] {
  const sorted = [...new Set(hours.map((h) => h.getTime()))].sort((a, b) => a - b);
  const runs: { from: number; to: number }[] = [];
  for (const h of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.to === h && (last.to - last.from) / HOUR_MS < maxHours) last.to = h + HOUR_MS;
    else runs.push({ from: h, to: h + HOUR_MS });
  }
  return runs.map((r) => ({ from: new Date(r.from), to: new Date(r.to) }));
}
