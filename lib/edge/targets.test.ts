import { describe, expect, it } from 'vitest';
import { parseTargets, TargetError } from './targets';

// Parser only: no socket is opened for any of these addresses.
describe('parseTargets', () => {
  it.each([
    ['10.0.0.1-10.0.0.4', ['10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.4']],
    ['10.0.0.250-3', null],
    ['10.0.0.1-3', ['10.0.0.1', '10.0.0.2', '10.0.0.3']],
    ['10.0.0.0/30', ['10.0.0.1', '10.0.0.2']],
    ['10.0.0.7/32', ['10.0.0.7']],
    ['10.0.0.6/31', ['10.0.0.6', '10.0.0.7']],
    ['10.0.0.5/30', ['10.0.0.5', '10.0.0.6']],
    ['10.0.0.1, 10.0.0.3\n10.0.0.2 10.0.0.1', ['10.0.0.1', '10.0.0.3', '10.0.0.2']],
  ])('%s', (input, expected) => {
    if (expected === null) expect(() => parseTargets(input)).toThrow(TargetError);
    else expect(parseTargets(input)).toEqual(expected);
  });

  it('a /24 is 254 hosts and crosses no octet boundary', () => {
    const ips = parseTargets('10.1.2.0/24');
    expect(ips).toHaveLength(254);
    expect(ips[0]).toBe('10.1.2.1');
    expect(ips.at(-1)).toBe('10.1.2.254');
  });

  it('ranges cross octets', () => {
    expect(parseTargets('10.0.0.254-10.0.1.1')).toEqual(['10.0.0.254', '10.0.0.255', '10.0.1.0', '10.0.1.1']);
  });

  it('accepts up to a /16 and refuses more, with a clear reason', () => {
    expect(parseTargets('10.9.0.0/16')).toHaveLength(65_534);
    expect(() => parseTargets('10.0.0.0/15')).toThrow(/limit is a \/16/);
    expect(() => parseTargets('10.0.0.0-10.1.0.1')).toThrow(/65536/);
    expect(() => parseTargets(['10.9.0.0/16', '10.8.0.0/16'])).toThrow(/limit/);
  });

  it.each(['', '10.0.0', '10.0.0.256', '10.0.0.9-10.0.0.1', 'miner-1', '10.0.0.0/33', '10.0.0.1-300'])('refuses %j', (bad) => {
    expect(() => parseTargets(bad)).toThrow(TargetError);
  });
});
