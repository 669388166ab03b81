import Papa from 'papaparse';
import { type BatchRow, MAX_BATCH_BYTES, MAX_BATCH_CELLS, MAX_BATCH_ROWS, type RowError } from '@/lib/domain/mining/batch';
import { readFirstSheet } from '@/lib/spreadsheet/read-xlsx';
import { batchRowSchema } from '@/lib/validation/calculator';
import { toFieldErrors } from '@/lib/core/field-errors';

/*
 * Pasted text, CSV or XLSX → validated batch rows. Headers are matched loosely (case, spaces,
 * underscores and a few synonyms, English or Chinese); every row is validated with the shared zod
 * schema, and a bad row is reported by its sheet row number instead of being computed.
 */

export const BATCH_COLUMNS = {
  model: ['model', 'miner', 'minermodel', '型号', '矿机'],
  quantity: ['quantity', 'qty', 'count', 'units', '数量'],
  electricityUsdPerKwh: ['electricityprice', 'electricity', 'electricityusdperkwh', 'usdperkwh', 'powerprice', '电价'],
  hashrateThs: ['hashrateths', 'hashrate', 'ths', '算力'],
  powerW: ['powerw', 'power', 'watts', '功耗'],
  efficiencyJPerTh: ['efficiencyjth', 'efficiencyjperth', 'efficiency', 'jth', '能效'],
  poolFeePct: ['poolfeepct', 'poolfee', '矿池费率'],
  uptimePct: ['uptimepct', 'uptime', '在线率'],
  hostingFeeUsdPerUnitMonth: ['hostingfeeusdmonth', 'hostingfee', '托管费'],
  capexUsd: ['capexusd', 'capex', '购机成本'],
} as const;

/** What the message about wrong columns lists. */
export const EXPECTED_COLUMNS = ['model', 'quantity', 'electricity_price'];
export const OPTIONAL_COLUMNS = ['hashrate_ths', 'power_w', 'efficiency_j_th', 'pool_fee_pct', 'uptime_pct', 'hosting_fee_usd_month', 'capex_usd'];

type Field = keyof typeof BATCH_COLUMNS;

export type ParsedBatch =
  | { ok: true; rows: BatchRow[]; errors: RowError[] }
  | { ok: false; reason: 'tooLarge' | 'tooManyRows' | 'tooManyCells' | 'empty' | 'unreadable' }
  | { ok: false; reason: 'columns'; expected: string[]; optional: string[]; found: string[] };

const norm = (h: string) => h.toLowerCase().replace(/[\s_\-()/$%.]+/g, '');

function mapHeader(header: string[]): Partial<Record<Field, number>> {
  const out: Partial<Record<Field, number>> = {};
  header.forEach((h, i) => {
    const key = norm(String(h ?? ''));
    for (const [field, names] of Object.entries(BATCH_COLUMNS) as [Field, readonly string[]][]) {
      if (out[field] === undefined && names.includes(key)) out[field] = i;
    }
  });
  return out;
}

/** A grid of cells (first row = header) → rows and row errors. */
export function parseBatchGrid(grid: unknown[][]): ParsedBatch {
  const nonEmpty = grid.filter((r) => r.some((c) => String(c ?? '').trim() !== ''));
  if (nonEmpty.length < 2) return { ok: false, reason: 'empty' };
  if (nonEmpty.length - 1 > MAX_BATCH_ROWS) return { ok: false, reason: 'tooManyRows' };
  if (nonEmpty.reduce((n, r) => n + r.length, 0) > MAX_BATCH_CELLS) return { ok: false, reason: 'tooManyCells' };
  const header = grid.find((r) => r.some((c) => String(c ?? '').trim() !== ''))!.map((c) => String(c ?? '').trim());
  const cols = mapHeader(header);
  const hasMachine = cols.model !== undefined || (cols.hashrateThs !== undefined && (cols.powerW !== undefined || cols.efficiencyJPerTh !== undefined));
  if (!hasMachine || cols.quantity === undefined || cols.electricityUsdPerKwh === undefined) {
    return { ok: false, reason: 'columns', expected: EXPECTED_COLUMNS, optional: OPTIONAL_COLUMNS, found: header.filter(Boolean) };
  }
  const headerIndex = grid.indexOf(grid.find((r) => r.some((c) => String(c ?? '').trim() !== ''))!);
  const rows: BatchRow[] = [];
  const errors: RowError[] = [];
  for (let i = headerIndex + 1; i < grid.length; i++) {
    const cells = grid[i]!;
    if (!cells.some((c) => String(c ?? '').trim() !== '')) continue;
    const raw: Record<string, unknown> = {};
    for (const [field, idx] of Object.entries(cols) as [Field, number][]) {
      const v = cells[idx];
      raw[field] = v === null || v === undefined || String(v).trim() === '' ? undefined : typeof v === 'number' ? v : String(v);
    }
    const parsed = batchRowSchema.safeParse(raw);
    if (!parsed.success) {
      const [field, reason] = Object.entries(toFieldErrors(parsed.error))[0]!;
      errors.push({ row: i + 1, field, reason });
      continue;
    }
    rows.push({ row: i + 1, ...parsed.data });
  }
  return { ok: true, rows, errors };
}

/** Pasted text or CSV: the delimiter (comma, semicolon, tab) is detected. */
export function parseBatchText(text: string): ParsedBatch {
  if (new TextEncoder().encode(text).length > MAX_BATCH_BYTES) return { ok: false, reason: 'tooLarge' };
  const res = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: false, delimitersToGuess: [',', '\t', ';', '|'] });
  return parseBatchGrid(res.data);
}

/** The first worksheet of an .xlsx (lib/spreadsheet/read-xlsx.ts: bounded, formulas never run). The header row counts towards the rows read. */
export async function parseBatchXlsx(data: ArrayBuffer): Promise<ParsedBatch> {
  const sheet = await readFirstSheet(data, { maxBytes: MAX_BATCH_BYTES, maxRows: MAX_BATCH_ROWS + 1, maxCells: MAX_BATCH_CELLS });
  return sheet.ok ? parseBatchGrid(sheet.grid) : { ok: false, reason: sheet.reason };
}
