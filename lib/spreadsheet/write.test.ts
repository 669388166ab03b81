import { describe, expect, it } from 'vitest';
import { readBackCells } from '@/tests/helpers/workbook';
import { recordsToCsv, recordsToXlsx } from './write';

const FORMULAS = ['=HYPERLINK("http://127.0.0.1/","click")', '+1+1', '-2+3', '@SUM(A1)', '\t=1+1', '\r=1+1', '=1+1\nsecond line'];

describe('exports never hand a spreadsheet a formula', () => {
  it('CSV: formula-looking text gets a leading apostrophe; numbers, negative ones too, stay numbers', () => {
    const csv = recordsToCsv([...FORMULAS.map((model) => ({ model, net: -3.5 })), { model: 'Antminer S21', net: 2 }]);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('model,net');
    expect(lines[1]).toBe(`"'=HYPERLINK(""http://127.0.0.1/"",""click"")",-3.5`);
    expect(lines[2]).toBe(`"'+1+1",-3.5`);
    expect(lines[3]).toBe(`"'-2+3",-3.5`);
    expect(lines[4]).toBe(`"'@SUM(A1)",-3.5`);
    expect(csv).toContain(`"'\t=1+1"`);
    expect(csv).toContain(`"'\r=1+1"`);
    expect(csv).toContain(`"'=1+1\nsecond line"`);
    expect(lines.at(-1)).toBe('Antminer S21,2');
  });

  it('XLSX: written and read back, every such cell is a text cell with no formula and its text intact', async () => {
    const bytes = await recordsToXlsx('Batch', [...FORMULAS.map((model) => ({ model, net: -3.5 })), { model: 'Antminer S21', net: 2 }]);
    const cells = await readBackCells(bytes);
    expect(cells.filter((c) => c.formula !== undefined)).toEqual([]);
    const models = cells.filter((c) => c.address.startsWith('A') && c.address !== 'A1');
    // XML reads a bare carriage return back as a line feed; the text is otherwise as written.
    expect(models.map((c) => c.value)).toEqual([...FORMULAS.map((f) => f.replace('\r', '\n')), 'Antminer S21']);
    expect(new Set(models.map((c) => c.type))).toEqual(new Set([3])); // ExcelJS.ValueType.String
    expect(cells.find((c) => c.address === 'B2')).toMatchObject({ value: -3.5, type: 2 }); // ValueType.Number
  });
});
