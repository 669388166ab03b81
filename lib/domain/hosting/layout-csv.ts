/**
 * A site's layout from a CSV sheet: one line per position, `room,row,rack,position,miner`, where the
 * miner is named by serial, MAC, IP address or name. Pure: the caller reads the file and looks the
 * miners up; every problem comes back with its line so the operator can fix the sheet in one go.
 */

/** The most positions one sheet may place (a large site; the rack map draws 6,000 smoothly). */
export const MAX_LAYOUT_ROWS = 20_000;
/** Errors reported at most; past it the sheet is clearly the wrong file. */
export const MAX_LAYOUT_ERRORS = 200;
const MAX_NUMBER = 100_000;
const MAX_ROOM = 32;
const MAX_IDENTIFIER = 128;

export type LayoutColumn = 'room' | 'row' | 'rack' | 'position' | 'miner';

/** Header names accepted per column (lower-cased, spaces and underscores dropped). */
const HEADERS: Record<LayoutColumn, string[]> = {
  room: ['room', 'hall', 'building'],
  row: ['row'],
  rack: ['rack'],
  position: ['position', 'slot', 'pos'],
  miner: ['miner', 'identifier', 'mineridentifier', 'serial', 'mac', 'ip', 'name', 'serialmacipname'],
};
const REQUIRED: LayoutColumn[] = ['rack', 'position', 'miner'];

export type LayoutCsvErrorCode =
  | 'empty'
  | 'tooManyRows'
  | 'missingColumn'
  | 'duplicateColumn'
  | 'unclosedQuote'
  | 'columnCount'
  | 'required'
  | 'notANumber'
  | 'outOfRange'
  | 'tooLong'
  | 'badRoom'
  | 'duplicatePlace'
  | 'duplicateMiner'
  | 'unknownMiner'
  | 'ambiguousMiner';

/** `line` is the sheet's 1-based line (the header is line 1); `other` the line it clashes with. */
export type LayoutCsvError = { line: number; code: LayoutCsvErrorCode; column?: LayoutColumn; value?: string; other?: number; max?: number };

export type LayoutCsvRow = { line: number; room: string; row: number | null; rack: number; slot: number; miner: string };

type Result<T> = { ok: true; value: T } | { ok: false; errors: LayoutCsvError[] };

/** RFC 4180 lines: quoted fields may hold the delimiter, doubled quotes and line breaks. */
function splitRecords(text: string, delimiter: string): { records: { line: number; cells: string[] }[]; unclosedAt: number | null } {
  const records: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  const endRecord = () => {
    cells.push(cell);
    records.push({ line: start, cells });
    cells = [];
    cell = '';
    line++;
    start = line;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        cell += c;
      }
    } else if (c === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (c === delimiter) {
      cells.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRecord();
    } else cell += c;
  }
  if (quoted) return { records, unclosedAt: start };
  cells.push(cell);
  records.push({ line: start, cells });
  return { records: records.filter((r) => r.cells.some((c) => c.trim() !== '')), unclosedAt: null };
}

const headerKey = (s: string) => s.trim().toLowerCase().replace(/[\s_/|-]+/g, '');

function readHeader(cells: string[]): Result<Partial<Record<LayoutColumn, number>>> {
  const at: Partial<Record<LayoutColumn, number>> = {};
  const errors: LayoutCsvError[] = [];
  cells.forEach((raw, i) => {
    const key = headerKey(raw);
    const column = (Object.keys(HEADERS) as LayoutColumn[]).find((c) => HEADERS[c].includes(key));
    if (!column) return;
    if (at[column] !== undefined) errors.push({ line: 1, code: 'duplicateColumn', column });
    else at[column] = i;
  });
  for (const c of REQUIRED) if (at[c] === undefined) errors.push({ line: 1, code: 'missingColumn', column: c });
  return errors.length ? { ok: false, errors } : { ok: true, value: at };
}

function readNumber(value: string, line: number, column: LayoutColumn, errors: LayoutCsvError[]): number | null {
  if (!/^\d+$/.test(value)) return void errors.push({ line, code: 'notANumber', column, value: value.slice(0, 40) }), null;
  const n = Number(value);
  if (n < 1 || n > MAX_NUMBER) return void errors.push({ line, code: 'outOfRange', column, value, max: MAX_NUMBER }), null;
  return n;
}

/**
 * Parses the sheet: a header line naming the columns (any order; `row` and `room` optional, `slot`
 * accepted for position), then one position per line. Comma-separated, or semicolon-separated when
 * the header has semicolons and no comma (a spreadsheet in a comma-decimal locale). Rooms are
 * upper-cased as the naming pattern reads them; a place or a miner named twice is an error on the
 * second line, naming the first.
 */
export function parseLayoutCsv(input: string): Result<LayoutCsvRow[]> {
  const text = input.replace(/^\uFEFF/, '');
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = !firstLine.includes(',') && firstLine.includes(';') ? ';' : ',';
  const { records, unclosedAt } = splitRecords(text, delimiter);
  if (unclosedAt !== null) return { ok: false, errors: [{ line: unclosedAt, code: 'unclosedQuote' }] };
  if (records.length < 2) return { ok: false, errors: [{ line: 1, code: 'empty' }] };
  if (records.length - 1 > MAX_LAYOUT_ROWS) return { ok: false, errors: [{ line: 1, code: 'tooManyRows', max: MAX_LAYOUT_ROWS }] };
  const header = readHeader(records[0]!.cells);
  if (!header.ok) return header;
  const at = header.value;
  const width = records[0]!.cells.length;
  const errors: LayoutCsvError[] = [];
  const rows: LayoutCsvRow[] = [];
  const places = new Map<string, number>();
  const names = new Map<string, number>();
  for (const { line, cells } of records.slice(1)) {
    if (errors.length >= MAX_LAYOUT_ERRORS) break;
    if (cells.length > width) {
      errors.push({ line, code: 'columnCount', max: width });
      continue;
    }
    const cell = (c: LayoutColumn) => (at[c] === undefined ? '' : (cells[at[c]!] ?? '').trim());
    const before = errors.length;
    for (const c of REQUIRED) if (!cell(c)) errors.push({ line, code: 'required', column: c });
    if (errors.length > before) continue;
    const room = cell('room').toUpperCase();
    if (room.length > MAX_ROOM) errors.push({ line, code: 'tooLong', column: 'room', max: MAX_ROOM });
    else if (room && !/^[\p{L}\p{N}][\p{L}\p{N} ._-]*$/u.test(room)) errors.push({ line, code: 'badRoom', column: 'room', value: room });
    const row = cell('row') ? readNumber(cell('row'), line, 'row', errors) : null;
    const rack = readNumber(cell('rack'), line, 'rack', errors);
    const slot = readNumber(cell('position'), line, 'position', errors);
    const miner = cell('miner');
    if (miner.length > MAX_IDENTIFIER) errors.push({ line, code: 'tooLong', column: 'miner', max: MAX_IDENTIFIER });
    if (errors.length > before || rack === null || slot === null) continue;
    const place = `${room}|${row ?? 0}|${rack}|${slot}`;
    const samePlace = places.get(place);
    if (samePlace !== undefined) errors.push({ line, code: 'duplicatePlace', other: samePlace });
    else places.set(place, line);
    const sameMiner = names.get(miner.toLowerCase());
    if (sameMiner !== undefined) errors.push({ line, code: 'duplicateMiner', column: 'miner', value: miner, other: sameMiner });
    else names.set(miner.toLowerCase(), line);
    rows.push({ line, room, row, rack, slot, miner });
  }
  return errors.length ? { ok: false, errors: errors.slice(0, MAX_LAYOUT_ERRORS) } : { ok: true, value: rows };
}

export type LayoutMiner = { id: string; name: string; serial: string | null; mac: string | null; ip: string | null };

/** A MAC in any common spelling (aa:bb…, AA-BB…, aabb.ccdd.eeff, bare hex) as 12 lower-case hex digits. */
const macKey = (s: string) => {
  const hex = s.toLowerCase().replace(/[:.-]/g, '');
  return /^[0-9a-f]{12}$/.test(hex) ? `mac:${hex}` : null;
};

function keysOf(m: LayoutMiner): string[] {
  const keys = [`id:${m.name.trim().toLowerCase()}`];
  if (m.serial) keys.push(`id:${m.serial.trim().toLowerCase()}`);
  if (m.ip) keys.push(`id:${m.ip.replace(/\/32$/, '')}`);
  const mac = m.mac ? macKey(m.mac) : null;
  if (mac) keys.push(mac);
  return [...new Set(keys)];
}

/**
 * Finds each row's miner among the site's `miners`: by name, serial or IP address (case-insensitive),
 * or by MAC in any spelling. An identifier that fits no miner, fits two (one's name is another's
 * serial), or names a miner another line already placed, is an error on its line.
 */
export function resolveLayoutMiners(rows: LayoutCsvRow[], miners: LayoutMiner[]): Result<(LayoutCsvRow & { minerId: string })[]> {
  const index = new Map<string, LayoutMiner[]>();
  for (const m of miners) for (const k of keysOf(m)) index.set(k, [...(index.get(k) ?? []), m]);
  const errors: LayoutCsvError[] = [];
  const placed = new Map<string, number>();
  const out: (LayoutCsvRow & { minerId: string })[] = [];
  for (const r of rows) {
    if (errors.length >= MAX_LAYOUT_ERRORS) break;
    const id = r.miner.trim().toLowerCase();
    const mac = macKey(id);
    const found = [...new Map([...(index.get(`id:${id}`) ?? []), ...(mac ? (index.get(mac) ?? []) : [])].map((m) => [m.id, m])).values()];
    const value = r.miner.slice(0, 60);
    if (!found.length) errors.push({ line: r.line, code: 'unknownMiner', column: 'miner', value });
    else if (found.length > 1) errors.push({ line: r.line, code: 'ambiguousMiner', column: 'miner', value });
    else {
      const minerId = found[0]!.id;
      const first = placed.get(minerId);
      if (first !== undefined) errors.push({ line: r.line, code: 'duplicateMiner', column: 'miner', value, other: first });
      else placed.set(minerId, r.line);
      out.push({ ...r, minerId });
    }
  }
  return errors.length ? { ok: false, errors } : { ok: true, value: out };
}
