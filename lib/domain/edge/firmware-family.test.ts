import { describe, expect, it } from 'vitest';
import { firmwareOfModelVendor, vendorsRefusing } from './firmware-family';

describe('firmware of a catalogue model vendor', () => {
  it.each([
    ['Bitmain', 'antminer'],
    [' canaan ', 'avalon'],
    ['MicroBT', 'whatsminer'],
    ['Bitdeer', 'sealminer'],
    ['luxos', 'luxos'],
    ['Ebang', null],
    [null, null],
    ['unknown', null],
  ] as const)('%s → %s', (vendor, firmware) => {
    expect(firmwareOfModelVendor(vendor)).toBe(firmware);
  });

  it('lists the firmware that refuse a command, from the capability table', () => {
    // LuxOS takes every command and Avalon reboots; unrecognised firmware takes none.
    expect(vendorsRefusing('REBOOT')).not.toContain('luxos');
    expect(vendorsRefusing('REBOOT')).not.toContain('avalon');
    expect(vendorsRefusing('POOL_SET')).not.toContain('luxos');
    expect(vendorsRefusing('WAKE')).toContain('unknown');
  });
});
