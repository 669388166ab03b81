/*
 * Thermal control: a miner whose hottest chip passes its model's limit has its power target stepped
 * down one step per evaluation; once the chip is back under the restore temperature (below the
 * limit: hysteresis, so it does not flap) it is stepped back up, one step at a time, to its normal
 * draw. Pure: the job reads the chip temperature and the target it set last, and queues the command.
 */

export type ThermalLimits = {
  /** Step down above this chip temperature. */
  maxChipC: number;
  /** Step back up only below this one. */
  restoreBelowC: number;
  stepW: number;
  /** Never below this target (the firmware's lowest preset, or the point where sleeping is better). */
  minPowerW: number;
};

/** Conservative defaults for air-cooled machines; hydro and immersion models get their own in the table. */
export const DEFAULT_THERMAL_LIMITS: ThermalLimits = { maxChipC: 85, restoreBelowC: 78, stepW: 250, minPowerW: 1500 };

/** The limits of a model: its own where the table names it, else the defaults. */
export function thermalLimitsFor(model: string, table: Record<string, Partial<ThermalLimits>>, defaults: ThermalLimits = DEFAULT_THERMAL_LIMITS): ThermalLimits {
  return { ...defaults, ...(table[model] ?? {}) };
}

export type ThermalDecision = { action: 'step_down' | 'step_up' | 'hold' | 'no_reading'; targetW: number | null };

/**
 * `targetW` is the target thermal control set last (null: none, the miner runs at `normalPowerW`).
 * step_up to `normalPowerW` means the override ends (targetW null).
 */
export function thermalStep(m: { chipTempC: number | null; targetW: number | null; normalPowerW: number }, l: ThermalLimits): ThermalDecision {
  if (m.chipTempC === null) return { action: 'no_reading', targetW: m.targetW };
  const current = m.targetW ?? m.normalPowerW;
  if (m.chipTempC > l.maxChipC) {
    const next = Math.max(l.minPowerW, current - l.stepW);
    return next < current ? { action: 'step_down', targetW: next } : { action: 'hold', targetW: m.targetW };
  }
  if (m.targetW !== null && m.chipTempC < l.restoreBelowC) {
    const next = m.targetW + l.stepW;
    return { action: 'step_up', targetW: next >= m.normalPowerW ? null : next };
  }
  return { action: 'hold', targetW: m.targetW };
}
