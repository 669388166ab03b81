import { changePct } from './forecast';

/*
 * Month against month (MoM) and against the same month a year before (YoY), from the stored monthly
 * aggregates, and contracted power against the measured peak. Percent changes have one decimal and
 * are null where there is nothing to compare with (no row, or zero).
 */

export type MonthFigures = { energyWh: number; costCents: number | null; peakW: number };
export type Change = { energyPct: number | null; costPct: number | null; peakPct: number | null };

function change(cur: MonthFigures | null, base: MonthFigures | null): Change {
  if (!cur) return { energyPct: null, costPct: null, peakPct: null };
  return {
    energyPct: changePct(cur.energyWh, base?.energyWh),
    costPct: cur.costCents === null ? null : changePct(cur.costCents, base?.costCents),
    peakPct: changePct(cur.peakW, base?.peakW),
  };
}

export function compareMonth(cur: MonthFigures | null, previousMonth: MonthFigures | null, sameMonthLastYear: MonthFigures | null) {
  return { mom: change(cur, previousMonth), yoy: change(cur, sameMonthLastYear) };
}

/** 'YYYY-MM' shifted by whole months. */
export function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1 + by, 1)).toISOString().slice(0, 7);
}

/**
 * Contracted kW against a period's measured power: the peak's share of the contract (utilisation,
 * what a demand charge and the utility's limit look at) and the average's (load factor, how much
 * of what is paid for is used), in percent with one decimal; null without a contract.
 */
export function utilisation(o: { contractedKw: number; peakW: number; avgW: number }) {
  const w = o.contractedKw * 1000;
  if (w <= 0) return { peakPct: null, averagePct: null, exceeded: false, headroomW: null };
  const pct = (x: number) => Math.round((x / w) * 1000) / 10;
  return { peakPct: pct(o.peakW), averagePct: pct(o.avgW), exceeded: o.peakW > w, headroomW: w - o.peakW };
}
