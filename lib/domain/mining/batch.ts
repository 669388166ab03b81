import { computeEconomics, type PayoutScheme } from './economics';
import { type CalculatorFields, type ModelSpec, type NetworkDefaults, resolveMachine } from './resolve-input';

/*
 * Batch calculation: many rows (model × quantity × tariff, with optional overrides) priced against
 * one set of network values. Rows arrive already validated; a row naming an unknown model is
 * returned as invalid, never computed with a guess.
 */

export const MAX_BATCH_ROWS = 50_000;
export const MAX_BATCH_BYTES = 5 * 1024 * 1024;
/** 50,000 rows of ten columns; an .xlsx of that loads in seconds and a few hundred MB in the browser. */
export const MAX_BATCH_CELLS = 500_000;

/** A calculator's machine and tariff fields per row; the shared settings may be overridden per row. */
export type BatchRow = Pick<CalculatorFields, 'model' | 'hashrateThs' | 'powerW' | 'efficiencyJPerTh' | 'quantity' | 'electricityUsdPerKwh'> &
  Partial<Pick<CalculatorFields, 'poolFeePct' | 'uptimePct' | 'hostingFeeUsdPerUnitMonth' | 'capexUsd'>> & {
    /** Row number in the source (the header is row 1). */
    row: number;
  };

export type BatchShared = { poolFeePct: number; payoutScheme: PayoutScheme; uptimePct: number; hostingFeeUsdPerUnitMonth: number; network: NetworkDefaults };

export type BatchResult = {
  row: number;
  model: string;
  quantity: number;
  hashrateThs: number;
  powerKw: number;
  electricityUsdPerKwh: number;
  revenueBtcPerDay: number;
  revenueUsdPerDay: number;
  powerCostUsdPerDay: number;
  netProfitUsdPerDay: number;
  marginPct: number | null;
  breakEvenUsdPerKwh: number;
  paybackDays: number | null;
};

export type BatchTotals = { quantity: number; hashrateThs: number; powerKw: number; revenueBtcPerDay: number; revenueUsdPerDay: number; powerCostUsdPerDay: number; netProfitUsdPerDay: number; marginPct: number | null };

export type RowError = { row: number; field: string; reason: string };

export function computeBatch(rows: BatchRow[], models: Map<string, ModelSpec>, shared: BatchShared): { results: BatchResult[]; errors: RowError[]; totals: BatchTotals } {
  const results: BatchResult[] = [];
  const errors: RowError[] = [];
  for (const r of rows) {
    const machine = resolveMachine(r, models);
    if (!machine) {
      errors.push({ row: r.row, field: 'model', reason: 'unknownModel' });
      continue;
    }
    const e = computeEconomics({
      hashrateThs: machine.hashrateThs,
      powerW: machine.powerW,
      quantity: r.quantity,
      electricityUsdPerKwh: r.electricityUsdPerKwh,
      poolFeePct: r.poolFeePct ?? shared.poolFeePct,
      payoutScheme: shared.payoutScheme,
      hostingFeeUsdPerUnitMonth: r.hostingFeeUsdPerUnitMonth ?? shared.hostingFeeUsdPerUnitMonth,
      uptimePct: r.uptimePct ?? shared.uptimePct,
      ...shared.network,
      capexUsd: r.capexUsd ?? 0,
    });
    results.push({
      row: r.row,
      model: machine.model?.name ?? r.model ?? '',
      quantity: r.quantity,
      hashrateThs: e.totalHashrateThs,
      powerKw: e.totalPowerKw,
      electricityUsdPerKwh: r.electricityUsdPerKwh,
      revenueBtcPerDay: e.daily.revenueBtc,
      revenueUsdPerDay: e.daily.revenueUsd,
      powerCostUsdPerDay: e.daily.powerCostUsd + e.daily.hostingFeeUsd,
      netProfitUsdPerDay: e.daily.netProfitUsd,
      marginPct: e.marginPct,
      breakEvenUsdPerKwh: e.breakEvenElectricityUsdPerKwh,
      paybackDays: e.paybackDays,
    });
  }
  return { results, errors, totals: batchTotals(results) };
}

export function batchTotals(results: BatchResult[]): BatchTotals {
  const t = { quantity: 0, hashrateThs: 0, powerKw: 0, revenueBtcPerDay: 0, revenueUsdPerDay: 0, powerCostUsdPerDay: 0, netProfitUsdPerDay: 0 };
  for (const r of results) {
    t.quantity += r.quantity;
    t.hashrateThs += r.hashrateThs;
    t.powerKw += r.powerKw;
    t.revenueBtcPerDay += r.revenueBtcPerDay;
    t.revenueUsdPerDay += r.revenueUsdPerDay;
    t.powerCostUsdPerDay += r.powerCostUsdPerDay;
    t.netProfitUsdPerDay += r.netProfitUsdPerDay;
  }
  return { ...t, marginPct: t.revenueUsdPerDay > 0 ? (t.netProfitUsdPerDay / t.revenueUsdPerDay) * 100 : null };
}

export type SortKey = Exclude<keyof BatchResult, 'model'> | 'model';

/** A sorted copy; nulls last whatever the direction. */
export function sortBatch(results: BatchResult[], key: SortKey, dir: 'asc' | 'desc'): BatchResult[] {
  const sign = dir === 'asc' ? 1 : -1;
  return [...results].sort((a, b) => {
    const x = a[key];
    const y = b[key];
    if (x === null) return y === null ? 0 : 1;
    if (y === null) return -1;
    if (typeof x === 'string' || typeof y === 'string') return sign * String(x).localeCompare(String(y));
    return sign * (x - y);
  });
}
