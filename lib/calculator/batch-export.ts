import type { BatchResult, BatchTotals } from '@/lib/domain/mining/batch';
import { recordsToCsv, recordsToXlsx, type SheetRecord } from '@/lib/spreadsheet/write';

/*
 * Export rows: money rounded to cents and BTC to the satoshi here (an export is a display), with
 * stable English column names so scripts can read the file back.
 */
const cents = (v: number) => Math.round(v * 100) / 100;
const sats = (v: number) => Math.round(v * 1e8) / 1e8;
const maybe = (v: number | null, f: (x: number) => number) => (v === null ? '' : f(v));

export type ExportRecord = SheetRecord;

export function exportRecords(results: BatchResult[], totals: BatchTotals): ExportRecord[] {
  const rows: ExportRecord[] = results.map((r) => ({
    row: r.row,
    model: r.model,
    quantity: r.quantity,
    hashrate_ths: +r.hashrateThs.toFixed(2),
    power_kw: +r.powerKw.toFixed(3),
    electricity_usd_per_kwh: r.electricityUsdPerKwh,
    revenue_btc_day: sats(r.revenueBtcPerDay),
    revenue_usd_day: cents(r.revenueUsdPerDay),
    cost_usd_day: cents(r.powerCostUsdPerDay),
    net_profit_usd_day: cents(r.netProfitUsdPerDay),
    margin_pct: maybe(r.marginPct, (x) => +x.toFixed(2)),
    break_even_usd_per_kwh: +r.breakEvenUsdPerKwh.toFixed(5),
    payback_days: maybe(r.paybackDays, (x) => +x.toFixed(1)),
  }));
  rows.push({
    row: 'total',
    model: '',
    quantity: totals.quantity,
    hashrate_ths: +totals.hashrateThs.toFixed(2),
    power_kw: +totals.powerKw.toFixed(3),
    electricity_usd_per_kwh: '',
    revenue_btc_day: sats(totals.revenueBtcPerDay),
    revenue_usd_day: cents(totals.revenueUsdPerDay),
    cost_usd_day: cents(totals.powerCostUsdPerDay),
    net_profit_usd_day: cents(totals.netProfitUsdPerDay),
    margin_pct: maybe(totals.marginPct, (x) => +x.toFixed(2)),
    break_even_usd_per_kwh: '',
    payback_days: '',
  });
  return rows;
}

/** A model name comes from the uploaded file: a formula-looking one is written as text (lib/spreadsheet/write.ts). */
export function toCsv(records: ExportRecord[]): string {
  return recordsToCsv(records);
}

export function toXlsx(records: ExportRecord[]): Promise<ArrayBuffer> {
  return recordsToXlsx('Batch', records);
}
