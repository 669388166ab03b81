import { describe, expect, it } from 'vitest';
import { type LayoutMiner, MAX_LAYOUT_ROWS, parseLayoutCsv, resolveLayoutMiners } from './layout-csv';

const rows = (csv: string) => {
  const r = parseLayoutCsv(csv);
  if (!r.ok) throw new Error(`refused: ${JSON.stringify(r.errors)}`);
  return r.value;
};
const errors = (csv: string) => {
  const r = parseLayoutCsv(csv);
  if (r.ok) throw new Error('accepted');
  return r.errors;
};

describe('parseLayoutCsv', () => {
  it('reads room, row, rack, position and miner, upper-casing rooms and keeping the sheet line', () => {
    expect(rows('room,row,rack,position,miner\nsc,1,2,3,SN123\nSC,,4,1,10.0.0.5\n')).toEqual([
      { line: 2, room: 'SC', row: 1, rack: 2, slot: 3, miner: 'SN123' },
      { line: 3, room: 'SC', row: null, rack: 4, slot: 1, miner: '10.0.0.5' },
    ]);
  });

  it('takes columns in any order, header aliases, a BOM, CRLF, quotes, blank lines and semicolons', () => {
    const csv = '\uFEFFMiner Identifier;Slot;Rack\r\n"name; with semicolon";7;1\r\n\r\n"say ""hi""";8;1\r\n';
    expect(rows(csv)).toEqual([
      { line: 2, room: '', row: null, rack: 1, slot: 7, miner: 'name; with semicolon' },
      { line: 4, room: '', row: null, rack: 1, slot: 8, miner: 'say "hi"' },
    ]);
  });

  it('counts a line break inside quotes in the line numbers', () => {
    const r = errors('rack,position,miner\n1,1,"two\nlines"\n1,x,m2');
    expect(r).toEqual([{ line: 4, code: 'notANumber', column: 'position', value: 'x' }]);
  });

  it.each([
    ['', [{ line: 1, code: 'empty' }]],
    ['rack,position,miner\n', [{ line: 1, code: 'empty' }]],
    ['room,row,rack,miner\nA,1,1,m', [{ line: 1, code: 'missingColumn', column: 'position' }]],
    ['rack,slot,position,miner\n1,1,1,m', [{ line: 1, code: 'duplicateColumn', column: 'position' }]],
    ['rack,position,miner\n1,1,"m', [{ line: 2, code: 'unclosedQuote' }]],
    ['rack,position,miner\n1,1,m,extra', [{ line: 2, code: 'columnCount', max: 3 }]],
    ['rack,position,miner\n1,,m', [{ line: 2, code: 'required', column: 'position' }]],
    ['rack,position,miner\n1,2,', [{ line: 2, code: 'required', column: 'miner' }]],
    ['rack,position,miner\n1.5,2,m', [{ line: 2, code: 'notANumber', column: 'rack', value: '1.5' }]],
    ['rack,position,miner\n0,2,m', [{ line: 2, code: 'outOfRange', column: 'rack', value: '0', max: 100_000 }]],
    ['room,rack,position,miner\nA/B,1,1,m', [{ line: 2, code: 'badRoom', column: 'room', value: 'A/B' }]],
    [`room,rack,position,miner\n${'A'.repeat(33)},1,1,m`, [{ line: 2, code: 'tooLong', column: 'room', max: 32 }]],
    [`rack,position,miner\n1,1,${'m'.repeat(129)}`, [{ line: 2, code: 'tooLong', column: 'miner', max: 128 }]],
  ])('refuses %j', (csv, expected) => {
    expect(errors(csv)).toEqual(expected);
  });

  it('reports every bad line at once, a repeated place and a repeated miner naming the first line', () => {
    const csv = ['room,row,rack,position,miner', 'A,1,1,1,m1', 'a,1,1,1,m2', 'A,1,1,2,M1', 'A,x,1,3,m3', 'A,1,1,4,m4'].join('\n');
    expect(errors(csv)).toEqual([
      { line: 3, code: 'duplicatePlace', other: 2 },
      { line: 4, code: 'duplicateMiner', column: 'miner', value: 'M1', other: 2 },
      { line: 5, code: 'notANumber', column: 'row', value: 'x' },
    ]);
  });

  it('keeps rows without a row number apart from row 1 only by the other fields', () => {
    expect(errors('row,rack,position,miner\n,1,1,a\n,1,1,b')).toEqual([{ line: 3, code: 'duplicatePlace', other: 2 }]);
    expect(rows('row,rack,position,miner\n,1,1,a\n2,1,1,b')).toHaveLength(2);
  });

  it('refuses a sheet longer than the limit without reading its lines', () => {
    const csv = `rack,position,miner\n${Array.from({ length: MAX_LAYOUT_ROWS + 1 }, (_, i) => `1,${i + 1},m${i}`).join('\n')}`;
    expect(errors(csv)).toEqual([{ line: 1, code: 'tooManyRows', max: MAX_LAYOUT_ROWS }]);
  });
});

describe('resolveLayoutMiners', () => {
  const miners: LayoutMiner[] = [
    { id: 'a', name: 'SC-R01-K01-01', serial: 'SNA', mac: 'AA:BB:CC:DD:EE:01', ip: '10.0.0.1' },
    { id: 'b', name: 'SC-R01-K01-02', serial: 'SNB', mac: null, ip: '10.0.0.2' },
    { id: 'c', name: 'snb', serial: null, mac: null, ip: null },
  ];
  const sheet = (...ids: string[]) => ids.map((miner, i) => ({ line: i + 2, room: 'SC', row: 1, rack: 1, slot: i + 1, miner }));

  it('finds miners by name, serial, IP and MAC in any spelling', () => {
    for (const id of ['sc-r01-k01-01', 'sna', '10.0.0.1', 'aabbccddee01', 'aa-bb-cc-dd-ee-01', 'AABB.CCDD.EE01']) {
      const r = resolveLayoutMiners(sheet(id), miners);
      expect(r.ok && r.value[0]!.minerId).toBe('a');
    }
  });

  it('names the line of an unknown miner, an identifier that fits two, and a miner placed twice', () => {
    const r = resolveLayoutMiners(sheet('nope', 'SNB', '10.0.0.2', 'sc-r01-k01-01', 'AA:BB:CC:DD:EE:01'), miners);
    expect(r).toEqual({
      ok: false,
      errors: [
        { line: 2, code: 'unknownMiner', column: 'miner', value: 'nope' },
        { line: 3, code: 'ambiguousMiner', column: 'miner', value: 'SNB' },
        { line: 6, code: 'duplicateMiner', column: 'miner', value: 'AA:BB:CC:DD:EE:01', other: 5 },
      ],
    });
  });
});
