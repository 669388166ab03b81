import { energyCents, type EnergyWindow, type PricedSlot } from './tariff';

/*
 * Power-optimisation advice: in each upcoming tariff window, which miners earn less than their
 * electricity costs at the expected hashprice, so switching them off for the window saves money.
 * Per miner and window (integer cents, rounded once each):
 *   energy avoided (Wh)   = measured draw (W) × hours
 *   cost avoided (¢)      = energyCents(Wh, window's rate in m¢/kWh)
 *   revenue forgone (¢)   = round(measured TH/s ÷ 1000 × hashprice (USD/PH/day) × (1 − pool fee) × hours ÷ 24 × 100)
 *   expected saving (¢)   = cost avoided − revenue forgone; advised when > 0.
 * Equivalently a miner of E J/TH loses money above a break-even rate of hashprice × (1 − fee) ÷ (24 × E) USD/kWh.
 * The hashprice is the stored forecast's median for the window's UTC day, else the latest measured
 * value; each window says which it used.
 */
export type AdviceMiner = { minerId: string; name: string; powerW: number; hashrateThs: number };
export type HashpriceSource = { kind: 'forecast'; day: string; storedOn: string } | { kind: 'measured'; at: string };
export type HashpriceAt = (start: Date) => { usdPerPhDay: number; source: HashpriceSource } | null;

export type WindowRun = { start: Date; end: Date; window: EnergyWindow; rateMcPerKwh: number };
export type MinerAdvice = { minerId: string; name: string; jPerTh: number; energyAvoidedWh: number; costAvoidedCents: number; revenueForgoneCents: number; savingCents: number };
export type WindowAdvice = WindowRun & {
  hashpriceUsdPerPhDay: number;
  source: HashpriceSource;
  /** Miners less efficient than this (J/TH) cost more than they earn in the window. */
  breakEvenJPerTh: number;
  miners: MinerAdvice[];
  shedW: number;
  savingCents: number;
};

/** Consecutive slots of the same window and rate as one run, cut at UTC midnight (the forecast's step is a UTC day). */
export function windowRuns(slots: readonly PricedSlot[], stepMs: number): WindowRun[] {
  const runs: WindowRun[] = [];
  for (const s of slots) {
    const last = runs.at(-1);
    const end = new Date(s.start.getTime() + stepMs);
    const sameDay = last !== undefined && Math.floor(last.start.getTime() / 86_400_000) === Math.floor(s.start.getTime() / 86_400_000);
    if (last && sameDay && last.window === s.window && last.rateMcPerKwh === s.rateMcPerKwh && last.end.getTime() === s.start.getTime()) last.end = end;
    else runs.push({ start: s.start, end, window: s.window, rateMcPerKwh: s.rateMcPerKwh });
  }
  return runs;
}

export function minerAdvice(m: AdviceMiner, run: WindowRun, hashpriceUsdPerPhDay: number, poolFeePct = 0): MinerAdvice {
  const hours = (run.end.getTime() - run.start.getTime()) / 3_600_000;
  const energyAvoidedWh = Math.round(m.powerW * hours);
  const costAvoidedCents = energyCents(energyAvoidedWh, run.rateMcPerKwh);
  const revenueForgoneCents = Math.round((m.hashrateThs / 1000) * hashpriceUsdPerPhDay * (1 - poolFeePct / 100) * (hours / 24) * 100);
  return { minerId: m.minerId, name: m.name, jPerTh: m.powerW / m.hashrateThs, energyAvoidedWh, costAvoidedCents, revenueForgoneCents, savingCents: costAvoidedCents - revenueForgoneCents };
}

/** The break-even electricity price of a miner of `jPerTh`: above it, it costs more than it earns. */
export const breakEvenUsdPerKwh = (hashpriceUsdPerPhDay: number, jPerTh: number, poolFeePct = 0) => (hashpriceUsdPerPhDay * (1 - poolFeePct / 100)) / (24 * jPerTh);

/**
 * The advice for each run that has any miner worth switching off, miners by saving (largest first).
 * A window without a hashprice (no forecast, nothing measured) or without a rate is not advised on:
 * no number is invented.
 */
export function adviseCurtailment(miners: readonly AdviceMiner[], runs: readonly WindowRun[], hashpriceAt: HashpriceAt, poolFeePct = 0): WindowAdvice[] {
  const usable = miners.filter((m) => m.powerW > 0 && m.hashrateThs > 0);
  const out: WindowAdvice[] = [];
  for (const run of runs) {
    const hp = hashpriceAt(run.start);
    if (!hp || run.rateMcPerKwh <= 0) continue;
    const advised = usable
      .map((m) => minerAdvice(m, run, hp.usdPerPhDay, poolFeePct))
      .filter((a) => a.savingCents > 0)
      .sort((a, b) => b.savingCents - a.savingCents || a.minerId.localeCompare(b.minerId));
    if (!advised.length) continue;
    const byId = new Map(usable.map((m) => [m.minerId, m]));
    out.push({
      ...run,
      hashpriceUsdPerPhDay: hp.usdPerPhDay,
      source: hp.source,
      breakEvenJPerTh: (hp.usdPerPhDay * (1 - poolFeePct / 100)) / (24 * (run.rateMcPerKwh / 100_000)),
      miners: advised,
      shedW: advised.reduce((s, a) => s + byId.get(a.minerId)!.powerW, 0),
      savingCents: advised.reduce((s, a) => s + a.savingCents, 0),
    });
  }
  return out;
}
