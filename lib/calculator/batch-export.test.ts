import { describe, expect, it } from 'vitest';
import { batchTotals, type BatchResult } from '@/lib/domain/mining/batch';
import { readFirstSheet } from '@/lib/spreadsheet/read-xlsx';
import { readBackCells } from '@/tests/helpers/workbook';
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
  it('writes a CSV and an XLSX that read back', async () => {
    expect(toCsv(records).split('\n')[0]).toContain('net_profit_usd_day');
    const sheet = await readFirstSheet(await toXlsx(records), { maxBytes: 1e6, maxRows: 10, maxCells: 100 });
    if (!sheet.ok) throw new Error(sheet.reason);
    const [header, first] = sheet.grid;
    const rows = [Object.fromEntries(header!.map((h, i) => [h, first![i]]))];
    expect(rows[0]).toMatchObject({ model: 'Antminer S21', net_profit_usd_day: 391.6 });
  });

  it('writes a model name that looks like a formula as text, in both formats', async () => {
    const hostile = exportRecords([{ ...r, model: '=HYPERLINK("http://127.0.0.1/","x")' }], batchTotals([r]));
    expect(toCsv(hostile).split('\r\n')[1]!.startsWith(`2,"'=HYPERLINK(`)).toBe(true);
    const cells = await readBackCells(await toXlsx(hostile));
    expect(cells.find((c) => c.address === 'B2')).toMatchObject({ value: '=HYPERLINK("http://127.0.0.1/","x")', formula: undefined });
    expect(cells.every((c) => c.formula === undefined)).toBe(true);
  });
});
