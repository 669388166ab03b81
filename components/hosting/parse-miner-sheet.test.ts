import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { normaliseRows, parseMinerSheet, TEMPLATE_CSV } from './parse-miner-sheet';

describe('parseMinerSheet', () => {
  it('reads the CSV template with its header names', async () => {
    const rows = await parseMinerSheet(new File([TEMPLATE_CSV], 'miners.csv'));
    expect(rows).toEqual([{ name: 'TX-R01-K01-01', site: 'Abilene Wind', model: 'Antminer S21', customer: '', serial: 'SN0001', ip: '10.20.1.1', mac: 'AA:BB:CC:00:00:01', worker: 'house.tx-r01-k01-01', status: 'active' }]);
  });

  it('reads the first sheet of an XLSX with alias headers and drops blank rows', async () => {
    const sheet = XLSX.utils.aoa_to_sheet([['Miner Name', 'Site', 'Model', 'IP Address', 'Unknown'], ['A-1', 'Alpha', 'Antminer S21', '10.0.0.1', 'x'], ['', '', '', '', '']]);
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, sheet, 'Miners');
    const bytes = XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer;
    expect(await parseMinerSheet(new File([bytes], 'fleet.xlsx'))).toEqual([{ name: 'A-1', site: 'Alpha', model: 'Antminer S21', ip: '10.0.0.1' }]);
  });

  it('ignores unknown columns', () => {
    expect(normaliseRows([{ Colour: 'red', SN: ' 12 ' }])).toEqual([{ serial: '12' }]);
  });
});
