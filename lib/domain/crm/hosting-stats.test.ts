import { describe, expect, it } from 'vitest';
import { hashpriceBtcPerThDay } from '@/lib/domain/mining/revenue';
import { hostingMiner, hostingRevenue, hostingStats, type HostingSums, primaryModel } from './hosting-stats';

const network = { btcPriceUsd: 95_000, difficulty: 100e12, blockRewardBtc: 3.125, feesPerBlockBtc: 0.02 };
const sums = (over: Partial<HostingSums> = {}): HostingSums => ({ units: 0, active: 0, offline: 0, maintenance: 0, activeThs: 0, activeKw: 0, costUsdPerDay: 0, ...over });

describe('hostingRevenue: the KPI page’s revenue, in sats and cents', () => {
  it.each([
    { ths: 0, sats: 0 },
    { ths: 1000, sats: Math.round(1000 * hashpriceBtcPerThDay(network) * 1e8) },
  ])('$ths TH/s', ({ ths, sats }) => {
    const r = hostingRevenue(ths, network)!;
    expect(r.sats).toBe(sats);
    expect(r.cents).toBe(Math.round(ths * hashpriceBtcPerThDay(network) * 95_000 * 100));
  });

  it('is unknown without a snapshot or a difficulty', () => {
    expect(hostingRevenue(100, null)).toBeNull();
    expect(hostingRevenue(100, { ...network, difficulty: 0 })).toBeNull();
  });
});

describe('hostingStats: seed 002 fields and units', () => {
  const all = sums({ units: 50, active: 48, offline: 2, activeThs: 5000, activeKw: 7500, costUsdPerDay: 900 });

  it('W, MW, J/TH and USD from the sums; net = revenue − the customer’s electricity', () => {
    const s = hostingStats({ userAccessId: 'u1', all, byModel: [{ ...all, model: 'S21' }], byAdminStatus: { active: 49, maintenance: 1 }, soldUnits: 3, network });
    const revenue = hostingRevenue(5000, network)!;
    expect(s).toMatchObject({ has_hosting: true, user_access_id: 'u1', miners_count: 50, total_hashrate: 5000, total_power: 7_500_000, total_power_mw: 7.5, active_miners: 48, offline_miners: 2, avg_efficiency: 1500 });
    expect(s.by_status).toEqual({ active: 49, offline: 0, maintenance: 1, sold: 3 });
    expect(s.by_model).toEqual({ S21: { count: 50, hashrate: 5000, power: 7_500_000 } });
    expect(s.estimated_daily_usd).toBe(revenue.cents / 100);
    expect(s.electricity_cost_daily).toBe(900);
    expect(s.net_profit_daily).toBe((revenue.cents - 90_000) / 100);
    expect(s.btc_price).toBe(95_000);
  });

  it('no account, no snapshot, no price: the figures that depend on them are null, not 0', () => {
    const s = hostingStats({ userAccessId: null, all: { ...all, costUsdPerDay: null }, byModel: [], byAdminStatus: {}, soldUnits: 0, network: null });
    expect(s).toMatchObject({ has_hosting: false, user_access_id: null, estimated_daily_btc: null, estimated_daily_usd: null, electricity_cost_daily: null, net_profit_daily: null, btc_price: null });
  });

  it('nothing hashing: no efficiency', () => {
    expect(hostingStats({ userAccessId: null, all: sums(), byModel: [], byAdminStatus: {}, soldUnits: 0, network }).avg_efficiency).toBeNull();
  });
});

describe('primaryModel', () => {
  it.each([
    { rows: [], want: null },
    { rows: [{ model: 'S19', units: 0 }], want: null },
    { rows: [{ model: 'S19', units: 3 }, { model: 'S21', units: 5 }], want: 'S21' },
    { rows: [{ model: 'S21', units: 5 }, { model: 'M60', units: 5 }], want: 'M60' },
  ])('$want', ({ rows, want }) => expect(primaryModel(rows)).toBe(want));
});

describe('hostingMiner: seed 002’s example line', () => {
  it('10 × S19 XP at 3,050 W and $0.045/kWh cost $32.94 a day', () => {
    const m = hostingMiner({ id: 'm1', name: 'Farm A - Rack 1', model: 'Antminer S19 XP', quantity: 10, hashrateThs: 1400, powerW: 30_500, status: 'active', location: 'Texas DC-01', clientUsdPerKwh: 0.045 });
    expect(m).toEqual({ id: 'm1', name: 'Farm A - Rack 1', model: 'Antminer S19 XP', quantity: 10, hashrate: 140, total_hashrate: 1400, power: 3050, total_power: 30_500, status: 'active', location: 'Texas DC-01', electricity_cost: 0.045, daily_electricity_cost: 32.94 });
  });
  it('no client price: no cost', () => {
    expect(hostingMiner({ id: 'm', name: 'n', model: 'x', quantity: 1, hashrateThs: 0, powerW: 0, status: 'offline', location: 'l', clientUsdPerKwh: null }).daily_electricity_cost).toBeNull();
  });
});
