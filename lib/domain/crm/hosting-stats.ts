import { SATS_PER_BTC } from '@/lib/domain/mining/constants';
import { kpiFigures, kpiHashprice, type KpiNetwork } from '@/lib/domain/hosting/kpi';

/*
 * Seed 002's hosting figures of one CRM customer, from the fleet sums of its miners in service
 * (measured: telemetry, else pool, else nameplate — db/queries/hosting/fleet-columns.ts) and the
 * latest network snapshot. Revenue is the KPI page's (lib/domain/hosting/kpi.ts: measured TH/s ×
 * expected BTC per TH/s per day × price), so the CRM and the KPI page cannot disagree. Electricity is
 * what the customer pays per kWh at each site (sites.client_usd_per_kwh), never the host's own cost.
 */

/** The sums of one group of miners (the customer, or one model or status of it). */
export type HostingSums = {
  /** Units in service. */
  units: number;
  /** Units measured hashing / offline, and units people set to maintenance. */
  active: number;
  offline: number;
  maintenance: number;
  activeThs: number;
  activeKw: number;
  /** The customer's electricity at its price per kWh, per day; null when a site with drawing miners has no price. */
  costUsdPerDay: number | null;
};

/** What revenue is computed from: the snapshot's price and reward inputs, or null before any snapshot. */
export type HostingNetwork = KpiNetwork | null;

export type HostingStats = {
  has_hosting: boolean;
  user_access_id: string | null;
  miners_count: number;
  total_hashrate: number;
  total_power: number;
  total_power_mw: number;
  active_miners: number;
  offline_miners: number;
  maintenance_miners: number;
  estimated_daily_btc: number | null;
  estimated_daily_usd: number | null;
  avg_efficiency: number | null;
  by_model: Record<string, { count: number; hashrate: number; power: number }>;
  by_status: { active: number; offline: number; maintenance: number; sold: number };
  electricity_cost_daily: number | null;
  net_profit_daily: number | null;
  btc_price: number | null;
};

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

/** Expected revenue per day of a measured hashrate: sats and cents, integers; null without a snapshot. */
export function hostingRevenue(activeThs: number, network: HostingNetwork): { sats: number; cents: number } | null {
  const btcPerThDay = network ? kpiHashprice(network) : null;
  if (!network || btcPerThDay === null) return null;
  const f = kpiFigures({ total: 0, active: 0, activeThs, activeKw: 0, costUsdPerDay: null }, btcPerThDay, network.btcPriceUsd);
  return { sats: Math.round(activeThs * btcPerThDay * SATS_PER_BTC), cents: f.revenueCentsPerDay! };
}

export function hostingStats(input: {
  userAccessId: string | null;
  all: HostingSums;
  byModel: (HostingSums & { model: string })[];
  /** Units in service by administrative state, and units sold. */
  byAdminStatus: Partial<Record<'active' | 'offline' | 'maintenance', number>>;
  soldUnits: number;
  network: HostingNetwork;
}): HostingStats {
  const { all, network } = input;
  const btcPerThDay = network ? kpiHashprice(network) : null;
  const f = kpiFigures({ total: all.units, active: all.active, activeThs: all.activeThs, activeKw: all.activeKw, costUsdPerDay: all.costUsdPerDay }, btcPerThDay, network?.btcPriceUsd ?? 0);
  const revenue = hostingRevenue(all.activeThs, network);
  return {
    has_hosting: input.userAccessId !== null,
    user_access_id: input.userAccessId,
    miners_count: all.units,
    total_hashrate: round(all.activeThs, 2),
    total_power: f.powerW,
    total_power_mw: round(f.powerW / 1e6, 4),
    active_miners: all.active,
    offline_miners: all.offline,
    maintenance_miners: all.maintenance,
    estimated_daily_btc: revenue ? revenue.sats / SATS_PER_BTC : null,
    estimated_daily_usd: revenue ? revenue.cents / 100 : null,
    avg_efficiency: f.efficiencyJPerTh === null ? null : round(f.efficiencyJPerTh, 2),
    by_model: Object.fromEntries(input.byModel.map((m) => [m.model, { count: m.units, hashrate: round(m.activeThs, 2), power: Math.round(m.activeKw * 1000) }])),
    by_status: { active: input.byAdminStatus.active ?? 0, offline: input.byAdminStatus.offline ?? 0, maintenance: input.byAdminStatus.maintenance ?? 0, sold: input.soldUnits },
    electricity_cost_daily: f.costCentsPerDay === null ? null : f.costCentsPerDay / 100,
    net_profit_daily: revenue && f.costCentsPerDay !== null ? (revenue.cents - f.costCentsPerDay) / 100 : null,
    btc_price: network ? network.btcPriceUsd : null,
  };
}

/** The model with most units in service (ties: the name first in order), or null for none. */
export function primaryModel(byModel: { model: string; units: number }[]): string | null {
  const best = byModel.filter((m) => m.units > 0).sort((a, b) => b.units - a.units || (a.model < b.model ? -1 : a.model > b.model ? 1 : 0))[0];
  return best?.model ?? null;
}

/** One miner line as seed 002's MinerDataSchema: per-unit and line figures, W and USD. */
export type HostingMiner = {
  id: string;
  name: string;
  model: string;
  quantity: number;
  hashrate: number;
  total_hashrate: number;
  power: number;
  total_power: number;
  status: string;
  location: string;
  electricity_cost: number | null;
  daily_electricity_cost: number | null;
};

export function hostingMiner(m: { id: string; name: string; model: string; quantity: number; hashrateThs: number; powerW: number; status: string; location: string; clientUsdPerKwh: number | null }): HostingMiner {
  const perUnit = (v: number) => (m.quantity > 0 ? v / m.quantity : 0);
  const totalPowerW = Math.round(m.powerW);
  return {
    id: m.id,
    name: m.name,
    model: m.model,
    quantity: m.quantity,
    hashrate: round(perUnit(m.hashrateThs), 2),
    total_hashrate: round(m.hashrateThs, 2),
    power: Math.round(perUnit(m.powerW)),
    total_power: totalPowerW,
    status: m.status,
    location: m.location,
    electricity_cost: m.clientUsdPerKwh,
    daily_electricity_cost: m.clientUsdPerKwh === null ? null : Math.round(((totalPowerW * 24) / 1000) * m.clientUsdPerKwh * 100) / 100,
  };
}
