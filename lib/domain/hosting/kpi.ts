import { hashpriceBtcPerThDay, type RewardInput } from '@/lib/domain/mining/revenue';

/*
 * The hosting KPI dashboard's figures from the fleet's sums (nominal, from the model catalogue) and
 * the network: shares, power, efficiency, revenue, cost and margin. Money leaves here in integer
 * cents and power in whole watts, so the margin is an exact difference of what the page shows.
 */

/** Below this 24 h uptime the dashboard flags the fleet. */
export const UPTIME_WARN_PCT = 95;

/** One line of the dashboard: the fleet, or one site, model or customer. */
export type KpiSums = {
  total: number;
  active: number;
  activeThs: number;
  activeKw: number;
  /** Null when the viewer may not see the host's costs. */
  costUsdPerDay: number | null;
};

export type KpiNetwork = RewardInput & { difficulty: number; btcPriceUsd: number };

export type KpiFigures = {
  /** Share of the fleet's units that are active (0 for an empty fleet, as every count there is 0). */
  onlineSharePct: number;
  powerW: number;
  /** Null when nothing hashes. */
  efficiencyJPerTh: number | null;
  /** Null without a usable difficulty (no network data yet). */
  revenueCentsPerDay: number | null;
  costCentsPerDay: number | null;
  /** Null when either side is missing. */
  marginCentsPerDay: number | null;
};

/** Expected BTC per TH/s per day, or null when the difficulty is unknown (0). */
export function kpiHashprice(network: KpiNetwork): number | null {
  return network.difficulty > 0 ? hashpriceBtcPerThDay(network) : null;
}

export function kpiFigures(sums: KpiSums, btcPerThDay: number | null, btcPriceUsd: number): KpiFigures {
  const powerW = Math.round(sums.activeKw * 1000);
  const revenueCentsPerDay = btcPerThDay === null ? null : Math.round(sums.activeThs * btcPerThDay * btcPriceUsd * 100);
  const costCentsPerDay = sums.costUsdPerDay === null ? null : Math.round(sums.costUsdPerDay * 100);
  return {
    onlineSharePct: sums.total ? (100 * sums.active) / sums.total : 0,
    powerW,
    efficiencyJPerTh: sums.activeThs ? powerW / sums.activeThs : null,
    revenueCentsPerDay,
    costCentsPerDay,
    marginCentsPerDay: revenueCentsPerDay === null || costCentsPerDay === null ? null : revenueCentsPerDay - costCentsPerDay,
  };
}

/** Whether a 24 h uptime is low enough to flag (no figure is not low: nothing reported). */
export function isUptimeLow(uptimePct24h: number | null): boolean {
  return uptimePct24h !== null && uptimePct24h < UPTIME_WARN_PCT;
}
