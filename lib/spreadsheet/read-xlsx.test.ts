import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { workbookBytes } from '@/tests/helpers/workbook';
import { MAX_INFLATED_BYTES, readFirstSheet } from './read-xlsx';

const roomy = { maxBytes: 5 * 1024 * 1024, maxRows: 1000, maxCells: 10_000 };

describe('readFirstSheet', () => {
  it('gives plain values row by row, blank rows kept so row numbers match the sheet', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Fleet');
    sheet.getCell('A1').value = 'model';
    sheet.getCell('B1').value = { richText: [{ text: 'quan' }, { text: 'tity' }] };
    sheet.getCell('A3').value = 'Antminer S21';
    sheet.getCell('B3').value = 4;
    // A formula is never run: the result Excel stored is what comes back.
    sheet.getCell('C3').value = { formula: 'B3*2', result: 8 };
    sheet.getCell('D3').value = { formula: 'HYPERLINK("http://127.0.0.1/","x")', result: undefined };
    book.addWorksheet('Ignored').getCell('A1').value = 'second sheet';
    const r = await readFirstSheet(new Uint8Array(await book.xlsx.writeBuffer()).buffer, roomy);
    expect(r).toEqual({ ok: true, grid: [['model', 'quantity'], [], ['Antminer S21', 4, 8, '']] });
  });

  it('keeps a sheet whose few values sit far down small', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('S').getCell('A60000').value = 'far';
    const r = await readFirstSheet(new Uint8Array(await book.xlsx.writeBuffer()).buffer, roomy);
    expect(r.ok && r.grid.length).toBe(60_000);
    expect(r.ok && r.grid[59_999]).toEqual(['far']);
  });

  it('refuses a file over the byte limit, and anything that is not an .xlsx', async () => {
    const bytes = await workbookBytes([['a']]);
    expect(await readFirstSheet(bytes, { ...roomy, maxBytes: bytes.byteLength - 1 })).toEqual({ ok: false, reason: 'tooLarge' });
    expect(await readFirstSheet(new TextEncoder().encode('model,quantity\nS21,1\n').buffer as ArrayBuffer, roomy)).toEqual({ ok: false, reason: 'unreadable' });
    // A legacy .xls (an OLE2 compound file) is not a ZIP either.
    const ole = new Uint8Array(4096);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(await readFirstSheet(ole.buffer, roomy)).toEqual({ ok: false, reason: 'unreadable' });
  });

  it('refuses a small file that would inflate past the limit, before parsing it', async () => {
    const bytes = await workbookBytes([['x'.repeat(MAX_INFLATED_BYTES + 1)]]);
    expect(bytes.byteLength).toBeLessThan(1024 * 1024);
    expect(await readFirstSheet(bytes, roomy)).toEqual({ ok: false, reason: 'tooLarge' });
  });

  it('refuses more rows or cells than allowed', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => [`m${i}`, i, 0.05]);
    expect(await readFirstSheet(await workbookBytes(rows), { ...roomy, maxRows: 29 })).toEqual({ ok: false, reason: 'tooManyRows', rows: 30 });
    expect(await readFirstSheet(await workbookBytes(rows), { ...roomy, maxCells: 89 })).toEqual({ ok: false, reason: 'tooManyCells' });
    expect((await readFirstSheet(await workbookBytes(rows), { ...roomy, maxRows: 30, maxCells: 90 })).ok).toBe(true);
    // One value in the sheet's last column counts as the whole row of cells before it.
    const wide = new ExcelJS.Workbook();
    wide.addWorksheet('W').getCell('XFD1').value = 'edge';
    expect(await readFirstSheet(new Uint8Array(await wide.xlsx.writeBuffer()).buffer, roomy)).toEqual({ ok: false, reason: 'tooManyCells' });
  });
});
