/*
 * What a miner is doing, measured — beside what people set (miners.status: active, maintenance,
 * sold). The rule, in order; db/queries/telemetry/operational-state.ts computes the same rule in SQL
 * for lists of 10,000 miners, and tests/telemetry/operational-state.test.ts compares the two:
 *
 * 1. Telemetry, when the live reading is at most two poll intervals old (exactly two still counts):
 *    not online → offline; a hashrate of exactly 0 while drawing at least SLEEP_POWER_SHARE of the
 *    nameplate power → offline (powered but not hashing: a fault); 0 TH/s with less power or no
 *    power figure → sleeping; the chip over the overheat threshold → overheating; else online.
 * 2. Else the linked pool worker's newest hour, when at most POOL_FRESH_MS old: online when the
 *    pool says online, offline otherwise (offline or invalid). Older hours are not read at all (the
 *    SQL does not fetch them), so a caller passes `pool` only for a fresh hour.
 * 3. Else unknown.
 *
 * "Last seen" is the reading's time (telemetry), the worker's last share (pool), or — for unknown —
 * the time of the last reading, however old.
 */

export const OPERATIONAL_STATES = ['online', 'offline', 'sleeping', 'overheating', 'unknown'] as const;
export type OperationalState = (typeof OPERATIONAL_STATES)[number];
export const STATE_SOURCES = ['telemetry', 'pool', 'none'] as const;
export type StateSource = (typeof STATE_SOURCES)[number];

/** The slowest cadence a collector uploads at (the live demo collector's too): five minutes. */
export const POLL_INTERVAL_MS = 5 * 60_000;
/** A live reading counts as current up to two poll intervals. */
export const TELEMETRY_FRESH_MS = 2 * POLL_INTERVAL_MS;
/** Pool workers are snapshotted hourly (Antpool tier 2): the newest hour counts for two hours. */
export const POOL_FRESH_MS = 2 * 3_600_000;
/** A miner at 0 TH/s drawing less than this share of its nameplate power is asleep, not faulty. */
export const SLEEP_POWER_SHARE = 0.1;
/** Chip temperature above which a miner is overheating when no TEMP_HIGH alert rule sets a lower one. */
export const DEFAULT_OVERHEAT_CHIP_C = 90;

export type LiveReading = { collectedAt: Date; online: boolean; hashrateThs: number | null; powerW: number | null; tempChipMaxC: number | null };
export type PoolReading = { recordedAt: Date; status: 'online' | 'offline' | 'invalid'; lastShareAt: Date | null };

export type OperationalInput = {
  live: LiveReading | null;
  pool: PoolReading | null;
  nameplatePowerW: number;
  /** The applicable TEMP_HIGH rule's threshold, else DEFAULT_OVERHEAT_CHIP_C. */
  overheatChipC: number;
};

export type Operational = { state: OperationalState; source: StateSource; lastSeenAt: Date | null };

export function liveIsFresh(collectedAt: Date, now: Date): boolean {
  return now.getTime() - collectedAt.getTime() <= TELEMETRY_FRESH_MS;
}

export function poolIsFresh(recordedAt: Date, now: Date): boolean {
  return now.getTime() - recordedAt.getTime() <= POOL_FRESH_MS;
}

function fromLive(r: LiveReading, nameplatePowerW: number, overheatChipC: number): OperationalState {
  if (!r.online) return 'offline';
  if (r.hashrateThs === 0) return r.powerW !== null && r.powerW >= SLEEP_POWER_SHARE * nameplatePowerW ? 'offline' : 'sleeping';
  if (r.tempChipMaxC !== null && r.tempChipMaxC > overheatChipC) return 'overheating';
  return 'online';
}

export function operationalState(input: OperationalInput, now: Date): Operational {
  const { live, pool } = input;
  if (live && liveIsFresh(live.collectedAt, now)) return { state: fromLive(live, input.nameplatePowerW, input.overheatChipC), source: 'telemetry', lastSeenAt: live.collectedAt };
  if (pool && poolIsFresh(pool.recordedAt, now)) return { state: pool.status === 'online' ? 'online' : 'offline', source: 'pool', lastSeenAt: pool.lastShareAt };
  return { state: 'unknown', source: 'none', lastSeenAt: live?.collectedAt ?? null };
}

/** Whether the machine is producing hashrate now (what earnings may count). */
export const isHashing = (state: OperationalState) => state === 'online' || state === 'overheating';
