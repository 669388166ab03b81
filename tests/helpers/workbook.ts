import ExcelJS from 'exceljs';

/** An .xlsx with one sheet holding `rows` from A1, as a spreadsheet program would save it. */
export async function workbookBytes(rows: ExcelJS.CellValue[][], sheetName = 'Sheet1'): Promise<ArrayBuffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(sheetName);
  for (const r of rows) sheet.addRow(r);
  return new Uint8Array(await book.xlsx.writeBuffer()).buffer;
}

/** Every cell of the first sheet as exceljs reads it back: its type, value and formula, if any. */
export async function readBackCells(bytes: ArrayBuffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes);
  const cells: { address: string; type: ExcelJS.ValueType; value: ExcelJS.CellValue; formula: string | undefined }[] = [];
  book.worksheets[0]!.eachRow((row) => row.eachCell((cell) => cells.push({ address: cell.address, type: cell.type, value: cell.value, formula: cell.formula || undefined })));
  return cells;
}
