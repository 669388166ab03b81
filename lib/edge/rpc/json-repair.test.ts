import { describe, expect, it } from 'vitest';
import { parseMinerJson, repairMinerJson } from './json-repair';

describe('repairMinerJson', () => {
  it.each([
    ['bmminer glued objects', '{"STATS":[{"a":1}{"b":2}],"id":1}', { STATS: [{ a: 1 }, { b: 2 }], id: 1 }],
    ['glued with whitespace', '{"STATS":[{"a":1} \n {"b":2}]}', { STATS: [{ a: 1 }, { b: 2 }] }],
    ['trailing comma in object', '{"a":1,"b":2,}', { a: 1, b: 2 }],
    ['trailing comma in array', '{"a":[1,2,]}', { a: [1, 2] }],
    ['NUL terminator', '{"a":1}\u0000', { a: 1 }],
    ['bare inf and nan', '{"t":inf,"u":-inf,"v":nan,"w":NaN}', { t: null, u: null, v: null, w: null }],
  ])('%s', (_name, raw, expected) => {
    expect(JSON.parse(repairMinerJson(raw))).toEqual(expected);
  });

  it('leaves string contents alone', () => {
    expect(JSON.parse(repairMinerJson('{"s":"}{ ,} nan inf \\" x",}'))).toEqual({ s: '}{ ,} nan inf " x' });
  });

  it('does not touch words that merely start like inf/nan', () => {
    expect(parseMinerJson('{"info":"nano","x":true,}')).toEqual({ info: 'nano', x: true });
  });

  it('still fails on text that is not JSON at all', () => {
    expect(() => parseMinerJson('HTTP/1.1 400 Bad Request')).toThrow();
  });
});
