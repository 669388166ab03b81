import { describe, expect, it } from 'vitest';
import { DEFAULT_LAYOUT_PATTERN, layoutFleet, mapBand, parseLayoutPattern, type MapReading } from './rack-layout';

const parse = (p: string) => {
  const r = parseLayoutPattern(p);
  if (!r.ok) throw new Error(`pattern refused: ${JSON.stringify(r.error)}`);
  return r.pattern;
};

describe('parseLayoutPattern', () => {
  it('reads the demo farm names with the default pattern', () => {
    expect(parse(DEFAULT_LAYOUT_PATTERN).place('SC-R01-K02-03')).toEqual({ room: 'SC', row: 1, rack: 2, slot: 3 });
    expect(parse(DEFAULT_LAYOUT_PATTERN).place('tx-r10-k12-40')).toEqual({ room: 'TX', row: 10, rack: 12, slot: 40 });
  });

  it.each([
    ['{room}-R{rack}-S{slot}', 'A-R03-S12', { room: 'A', row: null, rack: 3, slot: 12 }],
    ['{room}{row}-{rack}.{slot}', 'B07-3.9', { room: 'B', row: 7, rack: 3, slot: 9 }],
    ['rack {rack} / slot {slot}', 'Rack 4 / Slot 17', { room: '', row: null, rack: 4, slot: 17 }],
    ['{slot}@{rack}', '5@2', { room: '', row: null, rack: 2, slot: 5 }],
    ['H{room}_{row}_{rack}_{slot}', 'H2_1_1_1', { room: '2', row: 1, rack: 1, slot: 1 }],
    ['({rack})[{slot}]*', '(1)[2]*', { room: '', row: null, rack: 1, slot: 2 }],
  ])('%s reads %s', (pattern, name, expected) => {
    expect(parse(pattern).place(name)).toEqual(expected);
  });

  it('does not place a name the pattern does not describe', () => {
    const p = parse('{room}-R{rack}-S{slot}');
    expect(p.place('A-R03')).toBeNull();
    expect(p.place('A-R03-S12-extra')).toBeNull();
    expect(p.place('A-Rxx-S12')).toBeNull();
    expect(p.place('')).toBeNull();
  });

  it.each([
    ['', { code: 'empty' }],
    ['   ', { code: 'empty' }],
    ['{room}-{shelf}-{slot}', { code: 'unknownToken', token: 'shelf' }],
    ['{rack}-{rack}-{slot}', { code: 'duplicateToken', token: 'rack' }],
    ['{room}-{slot}', { code: 'missingToken', token: 'rack' }],
    ['{rack}', { code: 'missingToken', token: 'slot' }],
    ['{rack}{slot}', { code: 'adjacentNumbers', first: 'rack', second: 'slot' }],
    ['{rack}-{slot', { code: 'unclosedBrace' }],
    ['rack}-{slot}', { code: 'unclosedBrace' }],
    ['x'.repeat(121), { code: 'tooLong', max: 120 }],
  ])('refuses %j', (pattern, error) => {
    expect(parseLayoutPattern(pattern)).toEqual({ ok: false, error });
  });
});

describe('layoutFleet', () => {
  it('groups names into rooms and racks in natural order and keeps unplaced ones apart', () => {
    const names = ['B-R01-K02-02', 'A-R01-K10-01', 'A-R01-K02-03', 'A-R01-K02-01', 'spare-1', 'A-R01-K02-01'];
    const { rooms, unplaced } = layoutFleet(parse(DEFAULT_LAYOUT_PATTERN), names);
    expect(rooms.map((r) => r.room)).toEqual(['A', 'B']);
    expect(rooms[0]!.racks.map((r) => r.rack)).toEqual([2, 10]);
    expect(rooms[0]!.racks[0]!.cells).toEqual([
      { slot: 1, index: 3 },
      { slot: 3, index: 2 },
    ]);
    expect(rooms[0]!.racks[0]!.slots).toBe(3);
    expect(unplaced).toEqual([4, 5]);
  });
});

describe('mapBand', () => {
  const live: MapReading = { adminStatus: 'active', ageS: 60, online: true, chipC: 70, hashrateThs: 100, nominalThs: 100 };
  it('status: administrative state first, then the reading and its age', () => {
    expect(mapBand('status', live)).toBe('online');
    expect(mapBand('status', { ...live, online: false })).toBe('offline');
    expect(mapBand('status', { ...live, ageS: 3600 })).toBe('stale');
    expect(mapBand('status', { ...live, ageS: null, online: null })).toBe('noData');
    expect(mapBand('status', { ...live, adminStatus: 'maintenance' })).toBe('maintenance');
    expect(mapBand('status', { ...live, adminStatus: 'sold' })).toBe('offline');
  });
  it('temperature bands; no fresh reading is no data, never cool', () => {
    expect([70, 75, 85, 95].map((chipC) => mapBand('temp', { ...live, chipC }))).toEqual(['cool', 'warm', 'hot', 'critical']);
    expect(mapBand('temp', { ...live, chipC: null })).toBe('noData');
    expect(mapBand('temp', { ...live, ageS: 3600 })).toBe('noData');
  });
  it('hashrate against nominal', () => {
    expect([100, 94, 79, 0].map((hashrateThs) => mapBand('hashrate', { ...live, hashrateThs }))).toEqual(['full', 'low', 'poor', 'zero']);
    expect(mapBand('hashrate', { ...live, online: false, hashrateThs: null })).toBe('zero');
    expect(mapBand('hashrate', { ...live, nominalThs: null })).toBe('noData');
    expect(mapBand('hashrate', { ...live, ageS: null })).toBe('noData');
  });
});
