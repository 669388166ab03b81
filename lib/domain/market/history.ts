/**
 * Joins the 2016-block epochs to a day or week series: each point takes the implied hashrate of the
 * epoch in effect at the end of its span (`spanDays` from its day: 1 for days, 7 for weeks).
 * Points before the first epoch, or in an epoch without a hashrate, get null. Both lists oldest first.
 */
export function attachEpochHashrate<P extends { t: string }>(points: P[], epochs: Array<{ start: string; hashrateHs: number | null }>, spanDays = 1): Array<P & { epochHashrateHs: number | null }> {
  let i = -1;
  return points.map((p) => {
    const dayEnd = new Date(Date.parse(p.t.slice(0, 10)) + spanDays * 86_400_000 - 1000).toISOString().replace('.000', '');
    while (i + 1 < epochs.length && epochs[i + 1]!.start <= dayEnd) i++;
    return { ...p, epochHashrateHs: i >= 0 ? epochs[i]!.hashrateHs : null };
  });
}

/**
 * The halvings inside a chart's span, each placed on the point (day or week start) it falls in, so
 * a category axis can mark it. `ts` are the points' times, oldest first.
 */
export function halvingsInRange(ts: string[], halvings: ReadonlyArray<{ height: number; at: string }>): Array<{ height: number; at: string; t: string }> {
  const first = ts[0];
  if (!first) return [];
  return halvings.flatMap((h) => {
    if (h.at < first) return [];
    const t = ts.findLast((x) => x <= h.at);
    // A halving after the last point is outside the span unless the last point is its day or week.
    if (!t || (t === ts.at(-1) && Date.parse(h.at) - Date.parse(t) > 7 * 86_400_000)) return [];
    return [{ height: h.height, at: h.at, t }];
  });
}
