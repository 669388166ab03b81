/*
 * Curtailment planning: which miners to put to sleep (or down-clock) so a site's draw meets a cap.
 * Every figure is measured (telemetry's power and hashrate); the economics of the hour (hashprice,
 * tariff) are inputs, so the same plan can be priced for any hour.
 */

export const CURTAIL_STRATEGIES = ['performance', 'customer', 'fair', 'optimal'] as const;
export type CurtailStrategy = (typeof CURTAIL_STRATEGIES)[number];

export const CUSTOMER_TIERS = ['STANDARD', 'ENTERPRISE', 'VIP'] as const;
export type CustomerTier = (typeof CUSTOMER_TIERS)[number];

/** A reduced operating point (a power target instead of sleep): what the miner draws and hashes there. */
export type PowerLevel = { powerW: number; hashrateThs: number };

export type CurtailMiner = {
  id: string;
  /** Null for the farm's own machines (no hosting customer). */
  customerId: string | null;
  tier: CustomerTier | null;
  /** Measured draw now (telemetry); 0 for a miner already asleep or off. */
  powerW: number;
  /** Measured hashrate now (telemetry's average). */
  hashrateThs: number;
  /** The model's nameplate figures (performance score). */
  nominalHashrateThs: number;
  nominalPowerW: number;
  /** Share of the recent window the miner was online, 0..1. */
  uptimeRatio: number;
  /** The feeder or PDU the miner hangs on, when a cap applies to it. */
  feederId?: string | null;
  /** Reduced operating points the firmware accepts (power targets), below the full draw. */
  levels?: PowerLevel[];
  /**
   * A minimum on or off time that has not elapsed yet: 'on' = just woke, must keep running;
   * 'off' = just slept, must stay asleep (its powerW is then 0).
   */
  lock?: 'on' | 'off' | null;
};

/** Either the most the site may draw afterwards, or the least it must shed. */
export type CurtailTarget = { kind: 'cap'; kw: number } | { kind: 'reduction'; kw: number };

/** The economics of the hour the plan is for: hashprice (USD per PH/s per day) and the tariff. */
export type HourEconomics = { hashpriceUsdPerPhDay: number; tariffUsdPerKwh: number; poolFeePct?: number };

export type CurtailAction = { minerId: string; kind: 'sleep' } | { minerId: string; kind: 'power_target'; powerW: number };

export type CurtailPlan = {
  strategy: CurtailStrategy;
  /** 'greedy' or the MIP solver's outcome. */
  method: 'greedy' | 'mip';
  actions: CurtailAction[];
  beforeW: number;
  afterW: number;
  /** What the target asked to shed (0 when the site is already under its cap). */
  requestedShedW: number;
  shedW: number;
  /** True when every cap (site and feeders) holds afterwards. */
  met: boolean;
  hashrateShedThs: number;
  /** Per hour at the plan's economics; floats for ranking, not money of record (savings.ts is). */
  revenueForgoneUsdPerHour: number;
  energyCostAvoidedUsdPerHour: number;
};

export type FeederCaps = Record<string, number>;

export type PlanInput = {
  miners: CurtailMiner[];
  target: CurtailTarget;
  strategy: CurtailStrategy;
  economics: HourEconomics;
  /** kW caps per feeder or PDU id. */
  feederCapsKw?: FeederCaps;
};
