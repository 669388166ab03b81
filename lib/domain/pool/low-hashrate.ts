/**
 * A pool worker's hashrate is low when, online, its last hour is below this share (%) of its own
 * 24-hour average. Stored on each alert (detail.thresholdPct) so the page and the message state the
 * threshold the alert was raised under.
 */
export const LOW_HASHRATE_PCT_OF_DAY = 50;

export function isLowHashrate(w: { hs1h: string; hs1d: string; status: string }, thresholdPct = LOW_HASHRATE_PCT_OF_DAY): boolean {
  return w.status === 'online' && Number(w.hs1d) > 0 && Number(w.hs1h) < (thresholdPct / 100) * Number(w.hs1d);
}

/** What a low-hashrate alert's detail holds: the two hourly rates in H/s (strings) and the threshold. */
export type LowHashrateDetail = { hs1h?: string; hs1d?: string; thresholdPct?: number };

/** The threshold an alert was raised under; alerts stored before it was recorded used the same 50 %. */
export const thresholdOf = (detail: LowHashrateDetail | Record<string, unknown>): number =>
  typeof detail.thresholdPct === 'number' ? detail.thresholdPct : LOW_HASHRATE_PCT_OF_DAY;
