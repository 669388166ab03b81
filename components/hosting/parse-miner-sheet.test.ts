import { describe, expect, it } from 'vitest';
import { workbookBytes } from '@/tests/helpers/workbook';
import { MAX_IMPORT_ROWS, normaliseRows, parseMinerSheet, TEMPLATE_CSV } from './parse-miner-sheet';

describe('parseMinerSheet', () => {
  it('reads the CSV template with its header names', async () => {
    const rows = await parseMinerSheet(new File([TEMPLATE_CSV], 'miners.csv'));
    expect(rows).toEqual({ ok: true, rows: [{ name: 'TX-R01-K01-01', site: 'Abilene Wind', model: 'Antminer S21', customer: '', serial: 'SN0001', ip: '10.20.1.1', mac: 'AA:BB:CC:00:00:01', worker: 'house.tx-r01-k01-01', status: 'active' }] });
  });

  it('reads the first sheet of an XLSX with alias headers and drops blank rows', async () => {
    const bytes = await workbookBytes([['Miner Name', 'Site', 'Model', 'IP Address', 'Unknown'], ['A-1', 'Alpha', 'Antminer S21', '10.0.0.1', 'x'], ['', '', '', '', '']], 'Miners');
    expect(await parseMinerSheet(new File([bytes], 'fleet.xlsx'))).toEqual({ ok: true, rows: [{ name: 'A-1', site: 'Alpha', model: 'Antminer S21', ip: '10.0.0.1' }] });
  });

  it('refuses more rows than one import takes, legacy .xls, and files past the size limit', async () => {
    const rows = [['name', 'site', 'model'], ...Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => [`M-${i}`, 'Alpha', 'Antminer S21'])];
    expect(await parseMinerSheet(new File([await workbookBytes(rows)], 'fleet.xlsx'))).toEqual({ ok: false, reason: 'tooManyRows', count: MAX_IMPORT_ROWS + 1 });
    expect(await parseMinerSheet(new File([rows.map((r) => r.join(',')).join('\n')], 'fleet.csv'))).toEqual({ ok: false, reason: 'tooManyRows', count: MAX_IMPORT_ROWS + 1 });
    expect(await parseMinerSheet(new File([new Uint8Array(16)], 'old.xls'))).toEqual({ ok: false, reason: 'unreadable' });
    expect(await parseMinerSheet(new File([new Uint8Array(5 * 1024 * 1024 + 1)], 'big.csv'))).toEqual({ ok: false, reason: 'tooLarge' });
  });

  it('never lets a header name reach an object prototype', async () => {
    const bytes = await workbookBytes([['__proto__', 'constructor', 'name', 'site', 'model'], ['{"polluted":1}', 'x', 'A-1', 'Alpha', 'Antminer S21']]);
    expect(await parseMinerSheet(new File([bytes], 'fleet.xlsx'))).toEqual({ ok: true, rows: [{ name: 'A-1', site: 'Alpha', model: 'Antminer S21' }] });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('ignores unknown columns', () => {
    expect(normaliseRows([{ Colour: 'red', SN: ' 12 ' }])).toEqual([{ serial: '12' }]);
  });
});
