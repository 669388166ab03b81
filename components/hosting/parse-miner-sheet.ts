import { readFirstSheet } from '@/lib/spreadsheet/read-xlsx';

/** Spreadsheet headers people actually write, mapped to the batch API's field names. */
const HEADER_ALIASES: Record<string, string> = {
  name: 'name', miner: 'name', 'miner name': 'name', 名称: 'name',
  site: 'site', 'site name': 'site', 矿场: 'site',
  model: 'model', 型号: 'model',
  customer: 'customer', 'customer email': 'customer', owner: 'customer', 客户: 'customer',
  serial: 'serial', 'serial number': 'serial', sn: 'serial', 序列号: 'serial',
  ip: 'ip', 'ip address': 'ip',
  mac: 'mac', 'mac address': 'mac',
  worker: 'worker', 'worker name': 'worker', 'pool worker': 'worker', 矿工名: 'worker',
  status: 'status', 状态: 'status',
};

export const TEMPLATE_CSV = 'name,site,model,customer,serial,ip,mac,worker,status\nTX-R01-K01-01,Abilene Wind,Antminer S21,,SN0001,10.20.1.1,AA:BB:CC:00:00:01,house.tx-r01-k01-01,active\n';

export function normaliseRows(records: Record<string, unknown>[]): Record<string, string>[] {
  return records
    .map((rec) => {
      const out: Record<string, string> = {};
      for (const [k, v] of Object.entries(rec)) {
        // Own keys only: a header such as "constructor" must not find an inherited property.
        const key = k.trim().toLowerCase();
        const field = Object.hasOwn(HEADER_ALIASES, key) ? HEADER_ALIASES[key] : undefined;
        if (field) out[field] = v === null || v === undefined ? '' : String(v).trim();
      }
      return out;
    })
    .filter((r) => Object.values(r).some((v) => v !== ''));
}

/** The batch API's limit; a file past it is refused before anything is sent. */
export const MAX_IMPORT_ROWS = 5000;
const MAX_BYTES = 5 * 1024 * 1024;
// About twenty columns a row: more than the nine the import reads, with room for a sheet's own notes.
const MAX_CELLS = 100_000;

export type MinerSheet = { ok: true; rows: Record<string, string>[] } | { ok: false; reason: 'tooLarge' | 'tooManyRows' | 'tooManyCells' | 'unreadable'; count?: number };

/** A grid's first non-blank row as the header, the rows below it as records. */
function gridRecords(grid: (string | number | boolean)[][]): Record<string, unknown>[] {
  const start = grid.findIndex((r) => r.some((c) => String(c).trim() !== ''));
  if (start < 0) return [];
  const header = grid[start]!.map((c) => String(c));
  return grid.slice(start + 1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

/**
 * CSV through papaparse, XLSX through exceljs (first sheet, bounded, formulas never run: see
 * lib/spreadsheet/read-xlsx.ts); both parsers are loaded only when a file is chosen. Legacy .xls
 * is not read.
 */
export async function parseMinerSheet(file: File): Promise<MinerSheet> {
  if (file.size > MAX_BYTES) return { ok: false, reason: 'tooLarge' };
  if (/\.xls$/i.test(file.name)) return { ok: false, reason: 'unreadable' };
  let rows: Record<string, string>[];
  if (/\.xlsx$/i.test(file.name)) {
    const sheet = await readFirstSheet(await file.arrayBuffer(), { maxBytes: MAX_BYTES, maxRows: MAX_IMPORT_ROWS + 1, maxCells: MAX_CELLS });
    if (!sheet.ok) return { ok: false, reason: sheet.reason, count: sheet.rows === undefined ? undefined : sheet.rows - 1 };
    rows = normaliseRows(gridRecords(sheet.grid));
  } else {
    const Papa = (await import('papaparse')).default;
    const parsed = Papa.parse<Record<string, string>>(await file.text(), { header: true, skipEmptyLines: true });
    rows = normaliseRows(parsed.data);
  }
  return rows.length > MAX_IMPORT_ROWS ? { ok: false, reason: 'tooManyRows', count: rows.length } : { ok: true, rows };
}
