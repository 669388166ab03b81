import { describe, expect, it } from 'vitest';
import { planGreedy } from './strategies';
import { performanceScore } from './score';
import type { CurtailMiner, CurtailStrategy, HourEconomics } from './types';

const miner = (m: Partial<CurtailMiner> & Pick<CurtailMiner, 'id' | 'powerW' | 'hashrateThs'>): CurtailMiner => ({
  customerId: null,
  tier: null,
  nominalHashrateThs: 100,
  nominalPowerW: 3000,
  uptimeRatio: 1,
  ...m,
});

// Scores by hand: (hashrate ratio × 0.7 + nameplate/measured power × 0.2 + uptime × 0.1) × 100.
const FLEET: CurtailMiner[] = [
  miner({ id: 'A', customerId: 'c1', tier: 'STANDARD', powerW: 3000, hashrateThs: 90 }), // 63 + 20 + 10 = 93
  miner({ id: 'B', customerId: 'c2', tier: 'VIP', powerW: 3000, hashrateThs: 60 }), // 42 + 20 + 10 = 72
  miner({ id: 'C', customerId: 'c3', tier: 'ENTERPRISE', powerW: 3500, hashrateThs: 200, nominalHashrateThs: 200, nominalPowerW: 3500 }), // 100
  miner({ id: 'D', customerId: 'c1', tier: 'STANDARD', powerW: 3300, hashrateThs: 100 }), // 70 + 18.18 + 10 = 98.18
  miner({ id: 'E', powerW: 2000, hashrateThs: 50, nominalHashrateThs: 50, nominalPowerW: 2000, uptimeRatio: 0.5 }), // 70 + 20 + 5 = 95
];
const ECON: HourEconomics = { hashpriceUsdPerPhDay: 50, tariffUsdPerKwh: 0.05 };
const shed = (strategy: CurtailStrategy, kw = 5) =>
  planGreedy({ miners: FLEET, target: { kind: 'reduction', kw }, strategy, economics: ECON })
    .actions.map((a) => a.minerId)
    .sort();

describe('performanceScore', () => {
  it.each([
    ['A', 93],
    ['B', 72],
    ['C', 100],
    ['D', 98.1818],
    ['E', 95],
  ])('%s scores %s', (id, want) => {
    expect(performanceScore(FLEET.find((m) => m.id === id)!)).toBeCloseTo(want, 3);
  });
});

describe('greedy strategies on a 14.8 kW site asked to shed 5 kW', () => {
  it('Performance Priority sheds the lowest scores first: B (72), then A (93) reaches 6 kW', () => {
    expect(shed('performance')).toEqual(['A', 'B']);
  });
  it('Customer Priority sheds the house machine, then Standard (A before D by score); VIP B is spared', () => {
    expect(shed('customer')).toEqual(['A', 'E']);
  });
  it('Fair Distribution: c1 (6.3 kW of 14.8) owes 2.13 kW and sheds A; the other quotas are under half a machine, so the rest comes in score order (B)', () => {
    expect(shed('fair')).toEqual(['A', 'B']);
  });
  it('Optimal keeps C, D, A (most net $/kW) under the 9.8 kW cap and sheds E (no room) and B (loses money at $0.05/kWh)', () => {
    const plan = planGreedy({ miners: FLEET, target: { kind: 'cap', kw: 9.8 }, strategy: 'optimal', economics: ECON });
    expect(plan.actions.map((a) => a.minerId).sort()).toEqual(['B', 'E']);
    expect(plan.afterW).toBe(9800);
    expect(plan.met).toBe(true);
    // B 60 TH + E 50 TH at $50/PH/day: 0.11 PH × 50 / 24 = $0.229166/h forgone; 5 kW × $0.05 = $0.25/h avoided.
    expect(plan.revenueForgoneUsdPerHour).toBeCloseTo(0.229167, 5);
    expect(plan.energyCostAvoidedUsdPerHour).toBeCloseTo(0.25, 9);
  });
  it('a cap above the draw sheds nothing for the ordering strategies', () => {
    const plan = planGreedy({ miners: FLEET, target: { kind: 'cap', kw: 20 }, strategy: 'performance', economics: ECON });
    expect(plan).toMatchObject({ requestedShedW: 0, shedW: 0, met: true, actions: [] });
  });
  it('a miner held on by its minimum on-time is never shed; the next in order goes instead', () => {
    const held = FLEET.map((m) => (m.id === 'B' ? { ...m, lock: 'on' as const } : m));
    const plan = planGreedy({ miners: held, target: { kind: 'reduction', kw: 5 }, strategy: 'performance', economics: ECON });
    expect(plan.actions.map((a) => a.minerId).sort()).toEqual(['A', 'E']);
  });
  it('a feeder cap is met first, in the strategy order on that feeder, then the site target', () => {
    const fed = FLEET.map((m) => ({ ...m, feederId: m.id === 'C' || m.id === 'D' ? 'f1' : 'f2' }));
    // f1 draws 6.8 kW, capped at 4 kW: D (98.18) goes before C (100); then 5 kW overall needs B.
    const plan = planGreedy({ miners: fed, target: { kind: 'reduction', kw: 5 }, strategy: 'performance', economics: ECON, feederCapsKw: { f1: 4 } });
    expect(plan.actions.map((a) => a.minerId).sort()).toEqual(['B', 'D']);
    expect(plan.met).toBe(true);
  });
  it('a plan that cannot reach its target says so', () => {
    const plan = planGreedy({ miners: FLEET.map((m) => ({ ...m, lock: 'on' as const })), target: { kind: 'reduction', kw: 1 }, strategy: 'customer', economics: ECON });
    expect(plan).toMatchObject({ met: false, shedW: 0 });
  });
});
