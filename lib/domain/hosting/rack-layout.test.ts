import { describe, expect, it } from 'vitest';
import { DEFAULT_LAYOUT_PATTERN, efficiencyJPerTh, layoutFleet, mapBand, parseLayoutPattern, placeFleet, type MapReading } from './rack-layout';

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

describe('placeFleet', () => {
  it('places imported positions, leaving null ones and a second miner on a taken place unplaced', () => {
    const { rooms, unplaced } = placeFleet([
      { room: 'B', row: null, rack: 1, slot: 2 },
      null,
      { room: 'A', row: 2, rack: 1, slot: 1 },
      { room: 'B', row: null, rack: 1, slot: 2 },
    ]);
    expect(rooms.map((r) => [r.room, r.racks.map((k) => k.cells)])).toEqual([
      ['A', [[{ slot: 1, index: 2 }]]],
      ['B', [[{ slot: 2, index: 0 }]]],
    ]);
    expect(unplaced).toEqual([1, 3]);
  });
});

describe('mapBand', () => {
  const live: MapReading = { state: 'online', chipC: 70, hashrateThs: 100, nominalThs: 100, powerW: 2500 };
  it('status is the measured operational state, whatever the figures say', () => {
    for (const state of ['online', 'overheating', 'sleeping', 'offline', 'unknown'] as const) expect(mapBand('status', { ...live, state })).toBe(state);
  });
  it('temperature bands; no current reading is no data, never cool', () => {
    expect([70, 75, 85, 95].map((chipC) => mapBand('temp', { ...live, chipC }))).toEqual(['cool', 'warm', 'hot', 'critical']);
    expect(mapBand('temp', { ...live, chipC: null })).toBe('noData');
  });
  it('hashrate against nominal; a miner measured offline or asleep is not hashing', () => {
    expect([100, 94, 79, 0].map((hashrateThs) => mapBand('hashrate', { ...live, hashrateThs }))).toEqual(['full', 'low', 'poor', 'zero']);
    expect(mapBand('hashrate', { ...live, state: 'offline', hashrateThs: null })).toBe('zero');
    expect(mapBand('hashrate', { ...live, state: 'sleeping', hashrateThs: 100 })).toBe('zero');
    expect(mapBand('hashrate', { ...live, nominalThs: null })).toBe('noData');
    expect(mapBand('hashrate', { ...live, state: 'unknown', hashrateThs: null })).toBe('noData');
  });
  it('efficiency in J/TH from measured power and hashrate; no figure for a miner that is not hashing', () => {
    expect([1900, 2000, 3999, 4000].map((powerW) => mapBand('efficiency', { ...live, powerW }))).toEqual(['best', 'good', 'fair', 'poor']);
    expect(efficiencyJPerTh({ powerW: 3500, hashrateThs: 200 })).toBe(17.5);
    expect(mapBand('efficiency', { ...live, powerW: null })).toBe('noData');
    expect(mapBand('efficiency', { ...live, hashrateThs: 0 })).toBe('noData');
    expect(mapBand('efficiency', { ...live, state: 'offline' })).toBe('noData');
    expect(mapBand('efficiency', { ...live, state: 'overheating', powerW: 3500 })).toBe('fair');
  });
});
