import { describe, expect, it } from 'vitest';
import { MAX_BATCH_CELLS, MAX_BATCH_ROWS } from '@/lib/domain/mining/batch';
import { workbookBytes } from '@/tests/helpers/workbook';
import { parseBatchText, parseBatchXlsx } from './batch-file';

describe('parseBatchText', () => {
  it('maps loose headers, keeps row numbers, and lists invalid rows with the reason', () => {
    const csv = ['Model,Qty,Electricity Price,Uptime %', 'Antminer S21,10,0.05,', 'Antminer S19,-3,0.05,', 'Antminer S19,2,abc,', ',,,', 'Avalon A16,1,0.06,120'].join('\n');
    const r = parseBatchText(csv);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.rows).toEqual([{ row: 2, model: 'Antminer S21', quantity: 10, electricityUsdPerKwh: 0.05 }]);
    expect(r.errors).toEqual([
      { row: 3, field: 'quantity', reason: 'outOfRange' },
      { row: 4, field: 'electricityUsdPerKwh', reason: 'number' },
      { row: 6, field: 'uptimePct', reason: 'outOfRange' },
    ]);
  });

  it('reads tab-separated text pasted from a spreadsheet, with Chinese headers', () => {
    const r = parseBatchText('型号\t数量\t电价\nAntminer S21\t3\t0.045');
    expect(r).toEqual({ ok: true, errors: [], rows: [{ row: 2, model: 'Antminer S21', quantity: 3, electricityUsdPerKwh: 0.045 }] });
  });

  it('accepts custom machines without a model column', () => {
    const r = parseBatchText('hashrate_ths;power_w;quantity;electricity_price\n200;3500;4;0.06');
    expect(r.ok && r.rows[0]).toEqual({ row: 2, hashrateThs: 200, powerW: 3500, quantity: 4, electricityUsdPerKwh: 0.06 });
  });

  it('names the expected columns when the header does not fit', () => {
    const r = parseBatchText('name,count,cost\nS21,1,0.05');
    expect(r).toMatchObject({ ok: false, reason: 'columns', expected: ['model', 'quantity', 'electricity_price'], found: ['name', 'count', 'cost'] });
  });

  it('refuses more than 50,000 rows and more than 5 MB', () => {
    const many = ['model,quantity,electricity_price', ...Array.from({ length: MAX_BATCH_ROWS + 1 }, () => 'Antminer S21,1,0.05')].join('\n');
    expect(parseBatchText(many)).toEqual({ ok: false, reason: 'tooManyRows' });
    expect(parseBatchText('x'.repeat(5 * 1024 * 1024 + 1))).toEqual({ ok: false, reason: 'tooLarge' });
    expect(parseBatchText('model,quantity,electricity_price\n')).toEqual({ ok: false, reason: 'empty' });
  });
});

describe('parseBatchXlsx', () => {
  it('reads the first sheet with numeric cells', async () => {
    const buf = await workbookBytes([['model', 'quantity', 'electricity_price'], ['Antminer S21 XP', 5, 0.04], ['Antminer S21 XP', 0, 0.04]], 'Fleet');
    const r = await parseBatchXlsx(buf);
    expect(r).toEqual({ ok: true, rows: [{ row: 2, model: 'Antminer S21 XP', quantity: 5, electricityUsdPerKwh: 0.04 }], errors: [{ row: 3, field: 'quantity', reason: 'outOfRange' }] });
  });

  it('takes a formula cell’s stored result, never the formula', async () => {
    const buf = await workbookBytes([['model', 'quantity', 'electricity_price'], ['Antminer S21', { formula: '2+3', result: 5 }, { formula: 'cmd|" /C calc"!A0', result: 0.05 }]]);
    expect(await parseBatchXlsx(buf)).toEqual({ ok: true, errors: [], rows: [{ row: 2, model: 'Antminer S21', quantity: 5, electricityUsdPerKwh: 0.05 }] });
  });

  it('refuses more cells than a batch allows, and files that are not .xlsx', async () => {
    const wide = ['model', 'quantity', 'electricity_price', ...Array.from({ length: 47 }, (_, i) => `note${i}`)];
    const rows = [wide, ...Array.from({ length: Math.ceil(MAX_BATCH_CELLS / wide.length) }, () => ['Antminer S21', 1, 0.05])];
    // Short rows: the cells counted are the ones the sheet holds.
    expect((await parseBatchXlsx(await workbookBytes(rows))).ok).toBe(true);
    expect(parseBatchText([wide.join(','), ...rows.slice(1).map((r) => [...r, ...Array(47).fill('x')].join(','))].join('\n'))).toEqual({ ok: false, reason: 'tooManyCells' });
    expect(await parseBatchXlsx(new TextEncoder().encode('model,quantity\n').buffer as ArrayBuffer)).toEqual({ ok: false, reason: 'unreadable' });
  });
});
