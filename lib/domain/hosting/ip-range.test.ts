import { describe, expect, it } from 'vitest';
import { parseIpRange } from './ip-range';

describe('parseIpRange', () => {
  it.each([
    ['10.20.0.0/16', { kind: 'cidr', cidr: '10.20.0.0/16' }],
    [' 10.20.3.7/08 ', { kind: 'cidr', cidr: '10.20.3.7/8' }],
    ['10.20.1.1-10.20.1.50', { kind: 'range', from: '10.20.1.1', to: '10.20.1.50' }],
    ['10.20.1.1 - 10.20.1.1', { kind: 'range', from: '10.20.1.1', to: '10.20.1.1' }],
    ['127.0.0.1', { kind: 'cidr', cidr: '127.0.0.1/32' }],
  ])('accepts %s', (raw, expected) => {
    expect(parseIpRange(raw)).toEqual(expected);
  });

  it.each(['', '10.20.0.0/33', '10.20.0/16', '256.1.1.1', '10.0.0.9-10.0.0.1', '1.2.3.4-5', 'a.b.c.d', '1.2.3.4/8/9', '01.2.3.4', "1.1.1.1'; drop"])('rejects %s', (raw) => {
    expect(parseIpRange(raw)).toBeNull();
  });
});
