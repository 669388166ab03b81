import { describe, expect, it } from 'vitest';
import { COMMAND_SUPPORT, commandSupport, EDGE_COMMAND_TYPES, FIRMWARE_VENDORS, unsupportedReason } from './command-support';

describe('commandSupport', () => {
  it.each([
    ['luxos', 'SET_FREQUENCY', 'supported'],
    ['avalon', 'REBOOT', 'supported'],
    ['avalon', 'POOL_SET', 'unsupported'],
    ['sealminer', 'reboot', 'unsupported'],
    ['sealminer', 'sleep', 'supported'],
    ['antminer', 'pool_change', 'supported'],
    ['antminer', 'SET_POWER_TARGET', 'unsupported'],
    ['Antminer', 'REBOOT', 'supported'],
    ['auradine', 'SET_POWER_TARGET', 'supported'],
    ['auradine', 'POOL_SET', 'supported'],
    ['auradine', 'SET_FREQUENCY', 'unsupported'],
    ['unknown', 'REBOOT', 'unsupported'],
    [null, 'REBOOT', 'unknown'],
    ['antminer', 'FORMAT_DISK', 'unsupported'],
  ] as const)('%s %s → %s', (vendor, type, expected) => {
    expect(commandSupport(vendor, type)).toBe(expected);
  });

  it('names every vendor and only known command types', () => {
    expect(Object.keys(COMMAND_SUPPORT).sort()).toEqual([...FIRMWARE_VENDORS].sort());
    for (const row of Object.values(COMMAND_SUPPORT)) for (const c of row.commands) expect(EDGE_COMMAND_TYPES).toContain(c);
  });

  it('says what the firmware does take', () => {
    expect(unsupportedReason('avalon', 'pool_change')).toBe("pool_change: unsupported by this firmware (avalon); it takes REBOOT, SLEEP, WAKE (cgminer port: 'restart', 'ascset softoff/softon')");
    expect(unsupportedReason('auradine', 'frequency')).toBe('frequency: unsupported by this firmware (auradine); it takes REBOOT, SLEEP, WAKE, POWER_MODE, SET_POWER_TARGET, POOL_SET (Auradine REST API (port 8080) with a token from /token)');
    expect(unsupportedReason('unknown', 'reboot')).toMatch(/Unrecognised firmware/);
  });
});
