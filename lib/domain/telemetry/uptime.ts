import type { FigureSource } from './measured';
import { liveIsFresh } from './operational-state';

/*
 * A miner's uptime over the last 24 hours, measured first — each figure says where it came from:
 *
 * 1. Telemetry, 5-minute history: online share of the window's 288 buckets; a bucket with no row
 *    counts as down (a miner that stops reporting is not hashing), as the KPI page counts it.
 * 2. Telemetry, daily rollups: when the window has no 5-minute rows (aged out or never written),
 *    the uptime hours of the UTC days that overlap it.
 * 3. Telemetry, live: a current reading's own uptime counter (time since the miner booted), capped
 *    at the window; 0 for a current reading that is unreachable. Only when nothing older exists, since
 *    a reboot an hour ago says nothing about the 23 hours before.
 * 4. Pool: the linked workers' hourly snapshots in the window, online hours over observed hours (a
 *    missing hour is a collection gap, not the miner's: the pool lists offline workers too).
 * 5. Nameplate: nothing measured — 100 % for a machine set active (what the nameplate figures
 *    assume), else 0.
 */

export const UPTIME_WINDOW_MS = 24 * 3_600_000;
export const UPTIME_BUCKETS = UPTIME_WINDOW_MS / 300_000;
export const UPTIME_BASES = ['history', 'daily', 'live', 'pool', 'nameplate'] as const;
export type UptimeBasis = (typeof UPTIME_BASES)[number];

export type UptimeInput = {
  adminStatus: string;
  /** Sum of online_ratio over the window's 5-minute rows, and how many rows there were. */
  history: { onlineBuckets: number; buckets: number } | null;
  /** Uptime hours over the UTC days overlapping the window that have a daily row. */
  daily: { uptimeHours: number; days: number } | null;
  live: { collectedAt: Date; online: boolean; uptimeS: number | null } | null;
  /** The linked workers' snapshots in the window. */
  pool: { onlineHours: number; observedHours: number } | null;
};

export type Uptime = { uptimePct: number; uptimeSource: FigureSource; uptimeBasis: UptimeBasis };

const pct = (share: number) => Math.min(100, Math.max(0, 100 * share));

export function uptime24h(m: UptimeInput, now: Date): Uptime {
  if (m.history && m.history.buckets > 0) return { uptimePct: pct(m.history.onlineBuckets / UPTIME_BUCKETS), uptimeSource: 'telemetry', uptimeBasis: 'history' };
  if (m.daily && m.daily.days > 0) return { uptimePct: pct(m.daily.uptimeHours / (24 * m.daily.days)), uptimeSource: 'telemetry', uptimeBasis: 'daily' };
  if (m.live && liveIsFresh(m.live.collectedAt, now) && (!m.live.online || m.live.uptimeS !== null)) {
    return { uptimePct: m.live.online ? pct((m.live.uptimeS! * 1000) / UPTIME_WINDOW_MS) : 0, uptimeSource: 'telemetry', uptimeBasis: 'live' };
  }
  if (m.pool && m.pool.observedHours > 0) return { uptimePct: pct(m.pool.onlineHours / m.pool.observedHours), uptimeSource: 'pool', uptimeBasis: 'pool' };
  return { uptimePct: m.adminStatus === 'active' ? 100 : 0, uptimeSource: 'nameplate', uptimeBasis: 'nameplate' };
}
