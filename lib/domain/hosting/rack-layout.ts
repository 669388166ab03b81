import { isHashing, type OperationalState } from '@/lib/domain/telemetry/operational-state';

/**
 * A site's floor layout read from miner names: the operator gives a pattern with named tokens —
 * `{room}-R{row}-K{rack}-{slot}` reads `SC-R01-K02-03` as room SC, row 1, rack 2, slot 3. Literal text
 * matches case-insensitively; {row}, {rack} and {slot} are numbers, {room} letters and digits.
 */
export const LAYOUT_TOKENS = ['room', 'row', 'rack', 'slot'] as const;
export type LayoutToken = (typeof LAYOUT_TOKENS)[number];

export type LayoutPatternError =
  | { code: 'empty' }
  | { code: 'tooLong'; max: number }
  | { code: 'unknownToken'; token: string }
  | { code: 'duplicateToken'; token: LayoutToken }
  | { code: 'missingToken'; token: LayoutToken }
  | { code: 'adjacentNumbers'; first: LayoutToken; second: LayoutToken }
  | { code: 'unclosedBrace' };

export type Position = { room: string; row: number | null; rack: number; slot: number };
export type LayoutPattern = { source: string; tokens: LayoutToken[]; place: (name: string) => Position | null };

export const DEFAULT_LAYOUT_PATTERN = '{room}-R{row}-K{rack}-{slot}';
const MAX_PATTERN = 120;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Parses a pattern, or says why it cannot be used. Needs {rack} and {slot}; {room} and {row} are optional. */
export function parseLayoutPattern(source: string): { ok: true; pattern: LayoutPattern } | { ok: false; error: LayoutPatternError } {
  const text = source.trim();
  if (!text) return { ok: false, error: { code: 'empty' } };
  if (text.length > MAX_PATTERN) return { ok: false, error: { code: 'tooLong', max: MAX_PATTERN } };
  const tokens: LayoutToken[] = [];
  let regex = '^';
  let previous: LayoutToken | null = null; // a token directly before this point, with no literal between
  for (let i = 0; i < text.length; ) {
    const open = text.indexOf('{', i);
    const close = text.indexOf('}', i);
    if (close !== -1 && (open === -1 || close < open)) return { ok: false, error: { code: 'unclosedBrace' } };
    if (open === -1) {
      regex += escape(text.slice(i));
      previous = null;
      break;
    }
    if (open > i) {
      regex += escape(text.slice(i, open));
      previous = null;
    }
    const end = text.indexOf('}', open);
    if (end === -1) return { ok: false, error: { code: 'unclosedBrace' } };
    const name = text.slice(open + 1, end).trim().toLowerCase();
    if (!(LAYOUT_TOKENS as readonly string[]).includes(name)) return { ok: false, error: { code: 'unknownToken', token: text.slice(open + 1, end) } };
    const token = name as LayoutToken;
    if (tokens.includes(token)) return { ok: false, error: { code: 'duplicateToken', token } };
    // Two numbers with nothing between ('{rack}{slot}') cannot be told apart: 123 is 1|23 or 12|3.
    if (previous && previous !== 'room' && token !== 'room') return { ok: false, error: { code: 'adjacentNumbers', first: previous, second: token } };
    tokens.push(token);
    regex += token === 'room' ? '([A-Za-z0-9]+?)' : '(\\d+)';
    previous = token;
    i = end + 1;
  }
  for (const required of ['rack', 'slot'] as const) if (!tokens.includes(required)) return { ok: false, error: { code: 'missingToken', token: required } };
  const re = new RegExp(`${regex}$`, 'i');
  const place = (name: string): Position | null => {
    const m = re.exec(name.trim());
    if (!m) return null;
    const at = (t: LayoutToken) => {
      const k = tokens.indexOf(t);
      return k === -1 ? undefined : m[k + 1];
    };
    const row = at('row');
    return { room: (at('room') ?? '').toUpperCase(), row: row === undefined ? null : Number(row), rack: Number(at('rack')), slot: Number(at('slot')) };
  };
  return { ok: true, pattern: { source: text, tokens, place } };
}

export type RackKey = { room: string; row: number | null; rack: number };
export type PlacedRack = RackKey & { key: string; slots: number; cells: { slot: number; index: number }[] };
export type PlacedRoom = { room: string; racks: PlacedRack[] };

/**
 * Groups positions into rooms and racks (sorted naturally); `index` is the miner's index in the input
 * so a drawing can look its figures up in the compact arrays. Null positions (a name the pattern does
 * not match, a miner the imported layout leaves out) are `unplaced`; so is a second miner on a taken
 * position.
 */
export function placeFleet(positions: readonly (Position | null)[]): { rooms: PlacedRoom[]; unplaced: number[] } {
  const racks = new Map<string, PlacedRack>();
  const unplaced: number[] = [];
  const taken = new Set<string>();
  positions.forEach((p, index) => {
    if (!p) return void unplaced.push(index);
    const key = `${p.room}|${p.row ?? ''}|${p.rack}`;
    if (taken.has(`${key}|${p.slot}`)) return void unplaced.push(index);
    taken.add(`${key}|${p.slot}`);
    let rack = racks.get(key);
    if (!rack) racks.set(key, (rack = { room: p.room, row: p.row, rack: p.rack, key, slots: 0, cells: [] }));
    rack.cells.push({ slot: p.slot, index });
    rack.slots = Math.max(rack.slots, p.slot);
  });
  const rooms = new Map<string, PlacedRack[]>();
  for (const r of racks.values()) {
    r.cells.sort((a, b) => a.slot - b.slot);
    rooms.set(r.room, [...(rooms.get(r.room) ?? []), r]);
  }
  const byName = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });
  return {
    rooms: [...rooms.entries()]
      .sort(([a], [b]) => byName(a, b))
      .map(([room, list]) => ({ room, racks: list.sort((a, b) => (a.row ?? 0) - (b.row ?? 0) || a.rack - b.rack) })),
    unplaced,
  };
}

/** The layout read from miner names with a naming pattern. */
export const layoutFleet = (pattern: LayoutPattern, names: readonly string[]) => placeFleet(names.map((n) => pattern.place(n)));

/** What a position is coloured by. */
export const MAP_METRICS = ['status', 'temp', 'hashrate', 'efficiency'] as const;
export type MapMetric = (typeof MAP_METRICS)[number];

/**
 * Bands per metric, in legend order; 'noData' is a band of its own, never a guessed colour. Status is
 * the measured operational state (lib/domain/telemetry/operational-state), not the state people set.
 */
export const MAP_BANDS = {
  status: ['online', 'overheating', 'sleeping', 'offline', 'unknown'],
  temp: ['cool', 'warm', 'hot', 'critical', 'noData'],
  hashrate: ['full', 'low', 'poor', 'zero', 'noData'],
  efficiency: ['best', 'good', 'fair', 'poor', 'noData'],
} as const satisfies Record<MapMetric, readonly string[]>;
export type MapBand = (typeof MAP_BANDS)[MapMetric][number];

export type MapReading = {
  /** The measured state (db/queries/telemetry/operational-state.ts computes it in SQL). */
  state: OperationalState;
  /** Chip temperature of a current live reading, else null. */
  chipC: number | null;
  /** Measured hashrate (a current live reading or the pool), null when only the nameplate is known. */
  hashrateThs: number | null;
  nominalThs: number | null;
  /** Measured power (a current live reading), null otherwise. */
  powerW: number | null;
};

/** Chip temperature bands (°C): below 75 cool, 75–85 warm, 85–95 hot, 95 and above critical. */
export const TEMP_BANDS_C = [75, 85, 95] as const;
/** Hashrate against nominal: 95 % and above full, 80–95 % low, below 80 % poor. */
export const HASHRATE_BANDS = [0.95, 0.8] as const;
/** Efficiency (J/TH): below 20 best (S21 class), 20–30 good, 30–40 fair (S19 class), 40 and above poor. */
export const EFFICIENCY_BANDS_J_PER_TH = [20, 30, 40] as const;

/** Joules per terahash from measured power and hashrate; null unless the miner is hashing with both measured. */
export function efficiencyJPerTh(r: Pick<MapReading, 'powerW' | 'hashrateThs'>): number | null {
  if (r.powerW === null || r.hashrateThs === null || r.hashrateThs <= 0 || r.powerW <= 0) return null;
  return r.powerW / r.hashrateThs;
}

/** The band of one position under a metric. A miner that is not hashing has no efficiency and zero hashrate. */
export function mapBand(metric: MapMetric, r: MapReading): MapBand {
  if (metric === 'status') return r.state;
  if (metric === 'temp') {
    if (r.chipC === null) return 'noData';
    return r.chipC >= TEMP_BANDS_C[2] ? 'critical' : r.chipC >= TEMP_BANDS_C[1] ? 'hot' : r.chipC >= TEMP_BANDS_C[0] ? 'warm' : 'cool';
  }
  const hashing = isHashing(r.state);
  if (metric === 'hashrate') {
    if (r.state === 'offline' || r.state === 'sleeping') return 'zero';
    if (r.hashrateThs === null || r.nominalThs === null || r.nominalThs <= 0) return 'noData';
    if (r.hashrateThs <= 0) return 'zero';
    const ratio = r.hashrateThs / r.nominalThs;
    return ratio >= HASHRATE_BANDS[0] ? 'full' : ratio >= HASHRATE_BANDS[1] ? 'low' : 'poor';
  }
  const j = hashing ? efficiencyJPerTh(r) : null;
  if (j === null) return 'noData';
  return j < EFFICIENCY_BANDS_J_PER_TH[0] ? 'best' : j < EFFICIENCY_BANDS_J_PER_TH[1] ? 'good' : j < EFFICIENCY_BANDS_J_PER_TH[2] ? 'fair' : 'poor';
}
