import { describe, expect, it } from 'vitest';
import { canonicalJson, signCommand, verifyCommand } from './command-signature';
import { commandSigningKey } from './device-token';

const body = {
  command_id: 'c1',
  site_id: 's1',
  miner_id: 'm1',
  command_type: 'REBOOT',
  params: { z: 1, a: { y: [2, { b: 1, a: 0 }] } },
  target: { ip: '127.0.0.1', port: 4028, mac: null },
  expires_at: '2026-11-22T06:00:00.000Z',
  nonce: 'n1',
  signed_at: '2026-11-22T05:00:00.000Z',
};

describe('command signature', () => {
  it('canonical JSON sorts keys at every depth and has no spaces', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 'é' }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"x":"é","y":2}]},"b":1}');
  });

  it('signs the canonical bytes with HMAC-SHA256 (vector computed independently with openssl)', async () => {
    const { createHmac } = await import('node:crypto');
    // printf '%s' '{"a":1}' | openssl dgst -sha256 -hmac key
    expect(createHmac('sha256', 'key').update(canonicalJson({ a: 1 })).digest('hex')).toBe('88a67f24bbcdaed0e6c997404bb79a743baf44c6bab2f4c27328e3009d22e342');
    const signed = signCommand(body, 'key');
    expect(signed.signature).toBe(createHmac('sha256', 'key').update(canonicalJson(body)).digest('hex'));
    expect(verifyCommand(signed, 'key')).toBe(true);
  });

  it('rejects a changed field, a changed nested param or the wrong key', () => {
    const key = commandSigningKey('hie_token');
    const signed = signCommand(body, key);
    expect(verifyCommand(signed, key)).toBe(true);
    expect(verifyCommand({ ...signed, command_type: 'SLEEP' }, key)).toBe(false);
    expect(verifyCommand({ ...signed, params: { z: 1, a: { y: [2, { b: 2, a: 0 }] } } }, key)).toBe(false);
    expect(verifyCommand({ ...signed, target: { ...signed.target, port: 4029 } }, key)).toBe(false);
    expect(verifyCommand(signed, commandSigningKey('hie_other'))).toBe(false);
  });
});
