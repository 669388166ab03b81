import type { CellValue } from 'exceljs';
import { zipInflatedBytes } from './zip-size';

export type SheetLimits = { maxBytes: number; maxRows: number; maxCells: number };

/**
 * The most an upload may inflate to. Measured with exceljs: 50,000 rows × 10 columns is a 1.9 MB
 * file inflating to 18.6 MB, which takes ~270 MB of memory once loaded; past this the parser's
 * memory, not the row or cell count, would be what gives out.
 */
export const MAX_INFLATED_BYTES = 32 * 1024 * 1024;
export type Cell = string | number | boolean;
export type SheetRead = { ok: true; grid: Cell[][] } | { ok: false; reason: 'tooLarge' | 'tooManyRows' | 'tooManyCells' | 'unreadable'; rows?: number };

/**
 * The first worksheet of an uploaded .xlsx as a grid of plain values (row 1 first, blank rows kept
 * so row numbers match the sheet). Read with exceljs, not SheetJS 0.18 (CVE-2023-30533 prototype
 * pollution, CVE-2024-22363 ReDoS on crafted files); the file, its inflated size, its rows and its
 * cells are bounded. Formulas are never evaluated: a formula cell gives the result Excel stored.
 */
export async function readFirstSheet(data: ArrayBuffer, limits: SheetLimits): Promise<SheetRead> {
  if (data.byteLength > limits.maxBytes) return { ok: false, reason: 'tooLarge' };
  const inflated = zipInflatedBytes(new Uint8Array(data));
  if (inflated === null) return { ok: false, reason: 'unreadable' };
  if (inflated > MAX_INFLATED_BYTES) return { ok: false, reason: 'tooLarge' };
  // Loaded when a file is chosen, so pages without an upload do not carry the parser.
  const { Workbook } = (await import('exceljs')).default;
  const book = new Workbook();
  try {
    await book.xlsx.load(data);
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
  const sheet = book.worksheets[0];
  if (!sheet) return { ok: true, grid: [] };
  if (sheet.actualRowCount > limits.maxRows) return { ok: false, reason: 'tooManyRows', rows: sheet.actualRowCount };
  const rows: [number, Cell[]][] = [];
  let cells = 0;
  let tooMany = false;
  sheet.eachRow((row, rowNumber) => {
    cells += row.cellCount;
    tooMany ||= cells > limits.maxCells;
    if (!tooMany) rows.push([rowNumber, Array.from({ length: row.cellCount }, (_, i) => plain(row.getCell(i + 1).value))]);
  });
  if (tooMany) return { ok: false, reason: 'tooManyCells' };
  // Blank rows share one empty array, so a sheet whose few values sit far down stays small.
  const grid: Cell[][] = Array.from({ length: rows.at(-1)?.[0] ?? 0 }, () => NO_CELLS);
  for (const [rowNumber, values] of rows) grid[rowNumber - 1] = values;
  return { ok: true, grid };
}

const NO_CELLS: Cell[] = [];

function plain(v: CellValue): Cell {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString();
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('result' in v) return v.result === undefined ? '' : plain(v.result as CellValue);
  if ('formula' in v || 'sharedFormula' in v) return '';
  if ('hyperlink' in v) return v.text ?? '';
  return '';
}
