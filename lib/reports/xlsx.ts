import type ExcelJS from 'exceljs';
import type { ReportModel, ReportTable, ReportUnit, ReportValue } from '@/lib/domain/reports/model';
import { hex6 } from './format';

/*
 * A report model as a workbook: a summary sheet, one sheet per table (detail tables too) and one per
 * chart's series. Cells are typed — numbers stay numbers in a unit a spreadsheet user expects
 * (dollars, kWh, TH/s, sats, a fraction formatted as %) with a number format — and each totals row is
 * a SUM formula over its column, its result cached so a reader that does not calculate sees it too.
 * Text goes in as text cells, so nothing a customer named their miner runs as a formula.
 */

type Cell = { value: number; numFmt: string } | { value: string };

const UNIT: Record<Exclude<ReportUnit, 'text'>, { scale: number; numFmt: string; suffix: string }> = {
  cents: { scale: 1 / 100, numFmt: '"$"#,##0.00', suffix: 'USD' },
  wh: { scale: 1 / 1000, numFmt: '#,##0.000', suffix: 'kWh' },
  w: { scale: 1 / 1000, numFmt: '#,##0.000', suffix: 'kW' },
  ths: { scale: 1, numFmt: '#,##0.00', suffix: 'TH/s' },
  sats: { scale: 1, numFmt: '#,##0', suffix: 'sats' },
  pct: { scale: 1 / 100, numFmt: '0.00%', suffix: '%' },
  count: { scale: 1, numFmt: '#,##0', suffix: '' },
};

/** What a cell holds for a value of a unit; missing values are left empty (never 0). */
export function xlsxCell(unit: ReportUnit, v: ReportValue): Cell | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || unit === 'text') return { value: String(v) };
  const u = UNIT[unit];
  return { value: v * u.scale, numFmt: u.numFmt };
}

export const xlsxHeader = (label: string, unit: ReportUnit) => (unit === 'text' || !UNIT[unit].suffix ? label : `${label} (${UNIT[unit].suffix})`);

/** Sheet names: at most 31 characters, none of : \ / ? * [ ], unique in the book. */
function sheetName(title: string, used: Set<string>): string {
  const base = title.replace(/[:\\/?*[\]]/g, ' ').slice(0, 28) || 'Sheet';
  let name = base;
  for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base.slice(0, 26)} ${i}`;
  used.add(name.toLowerCase());
  return name;
}

function writeTable(sheet: ExcelJS.Worksheet, t: ReportTable, model: ReportModel, fill: string) {
  const header = sheet.addRow(t.columns.map((c) => xlsxHeader(c.label, c.unit)));
  header.font = { bold: true, color: { argb: 'FFFFFFFF' } };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${fill}` } };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const r of t.rows) {
    const row = sheet.addRow([]);
    r.forEach((v, i) => {
      const c = xlsxCell(t.columns[i]!.unit, v);
      if (!c) return;
      const cell = row.getCell(i + 1);
      cell.value = c.value;
      if ('numFmt' in c) cell.numFmt = c.numFmt;
    });
  }
  if (t.totals && t.rows.length) {
    const first = 2;
    const last = t.rows.length + 1;
    const row = sheet.addRow([model.totalLabel]);
    row.font = { bold: true };
    t.totals.forEach((v, i) => {
      if (i === 0 || v === null) return;
      const cell = row.getCell(i + 1);
      const col = cell.address.replace(/\d+$/, '');
      const c = xlsxCell(t.columns[i]!.unit, v) as { value: number; numFmt: string };
      cell.value = { formula: `SUM(${col}${first}:${col}${last})`, result: c.value };
      cell.numFmt = c.numFmt;
    });
  }
  t.columns.forEach((c, i) => (sheet.getColumn(i + 1).width = c.unit === 'text' ? 30 : Math.max(14, xlsxHeader(c.label, c.unit).length + 2)));
  sheet.pageSetup = { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
}

export async function renderReportXlsx(model: ReportModel): Promise<Buffer> {
  const { Workbook } = (await import('exceljs')).default;
  const book = new Workbook();
  book.creator = model.brand.name;
  book.title = model.title;
  const used = new Set<string>();
  const fill = hex6(model.brand.accent, '#1a1d2e');
  const summary = book.addWorksheet(sheetName(model.title, used));
  summary.addRow([model.title]).font = { bold: true, size: 14 };
  summary.addRow([`${model.brand.name} · ${model.subtitle}`]);
  summary.addRow([]);
  for (const [k, v] of model.meta) summary.addRow([k, v]);
  summary.addRow([]);
  for (const x of model.summary) {
    const row = summary.addRow([xlsxHeader(x.label, x.unit)]);
    const c = xlsxCell(x.unit, x.value);
    if (c) {
      row.getCell(2).value = c.value;
      if ('numFmt' in c) row.getCell(2).numFmt = c.numFmt;
    }
  }
  summary.addRow([]);
  const foot = summary.addRow([model.footer]);
  foot.font = { italic: true, size: 8 };
  foot.height = 48;
  summary.mergeCells(foot.number, 1, foot.number, 4);
  foot.getCell(1).alignment = { wrapText: true, vertical: 'top' };
  summary.getColumn(1).width = 34;
  summary.getColumn(2).width = 24;
  summary.pageSetup = { fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  for (const t of model.tables) writeTable(book.addWorksheet(sheetName(t.title, used)), t, model, fill);
  for (const ch of model.charts) {
    const t: ReportTable = { title: ch.title, columns: [{ label: ch.xLabel, unit: 'text', total: false }, { label: ch.title, unit: ch.unit, total: false }], rows: ch.points.map((p) => [p.label, p.value]), totals: null };
    writeTable(book.addWorksheet(sheetName(ch.title, used)), t, model, fill);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
