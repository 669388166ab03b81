import Papa from 'papaparse';

export type SheetRecord = Record<string, string | number>;

/**
 * Text a spreadsheet would run as a formula when the file is opened (CSV injection): a leading
 * =, +, - or @, and tab or carriage return, which some programs skip before looking. Matched on
 * the first character only, so text with a line break after it is caught too.
 */
export const FORMULA_LEAD = /^[=+\-@\t\r]/;

/** CSV with a header row; such text gets a leading apostrophe, which spreadsheets show as text. Numbers stay numbers. */
export function recordsToCsv(records: SheetRecord[]): string {
  return Papa.unparse(records, { escapeFormulae: FORMULA_LEAD });
}

/** One worksheet with a header row. Text is written as text cells, so no cell of the file is a formula whatever it starts with. */
export async function recordsToXlsx(sheetName: string, records: SheetRecord[]): Promise<ArrayBuffer> {
  const { Workbook } = (await import('exceljs')).default;
  const book = new Workbook();
  const sheet = book.addWorksheet(sheetName);
  const columns = Object.keys(records[0] ?? {});
  sheet.addRow(columns);
  for (const r of records) sheet.addRow(columns.map((c) => r[c] ?? ''));
  return new Uint8Array(await book.xlsx.writeBuffer()).buffer;
}

/** Several worksheets, each with its header row, as `recordsToXlsx` writes one (text stays text). */
export async function sheetsToXlsx(sheets: ReadonlyArray<{ name: string; records: SheetRecord[] }>): Promise<ArrayBuffer> {
  const { Workbook } = (await import('exceljs')).default;
  const book = new Workbook();
  for (const s of sheets) {
    const sheet = book.addWorksheet(s.name);
    const columns = Object.keys(s.records[0] ?? {});
    sheet.addRow(columns);
    for (const r of s.records) sheet.addRow(columns.map((c) => r[c] ?? ''));
  }
  return new Uint8Array(await book.xlsx.writeBuffer()).buffer;
}
