import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { batchTotals, type BatchResult } from '@/lib/domain/mining/batch';
import { exportRecords, toCsv, toXlsx } from './batch-export';

const r: BatchResult = {
  row: 2,
  model: 'Antminer S21',
  quantity: 2,
  hashrateThs: 400,
  powerKw: 7,
  electricityUsdPerKwh: 0.05,
  revenueBtcPerDay: 0.00400000123,
  revenueUsdPerDay: 400.004,
  powerCostUsdPerDay: 8.4,
  netProfitUsdPerDay: 391.60499,
  marginPct: 97.9,
  breakEvenUsdPerKwh: 2.38,
  paybackDays: null,
};

describe('batch export', () => {
  const records = exportRecords([r], batchTotals([r]));
  it('rounds money to cents and BTC to the satoshi, with a totals row', () => {
    expect(records[0]).toMatchObject({ revenue_btc_day: 0.004, revenue_usd_day: 400, net_profit_usd_day: 391.6, payback_days: '' });
    expect(records[1]).toMatchObject({ row: 'total', quantity: 2, net_profit_usd_day: 391.6 });
  });
  it('writes a CSV and an XLSX that read back', () => {
    expect(toCsv(records).split('\n')[0]).toContain('net_profit_usd_day');
    const book = XLSX.read(toXlsx(records), { type: 'array' });
    const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(book.Sheets.Batch!);
    expect(rows[0]).toMatchObject({ model: 'Antminer S21', net_profit_usd_day: 391.6 });
  });
});
