import { describe, expect, it } from 'vitest';
import { isNonPublicAddress, isNonPublicHost } from './address-policy';

describe('isNonPublicAddress', () => {
  it.each([
    ['127.0.0.1', true], ['127.9.9.9', true], ['10.1.2.3', true], ['172.16.0.1', true], ['172.31.255.255', true],
    ['192.168.1.10', true], ['169.254.169.254', true], ['100.64.0.1', true], ['0.0.0.0', true], ['224.0.0.1', true],
    ['::1', true], ['::', true], ['fd00::1', true], ['fe80::1', true], ['::ffff:127.0.0.1', true], ['::ffff:10.0.0.1', true],
    ['172.32.0.1', false], ['8.8.8.8', false], ['1.1.1.1', false], ['2606:4700:4700::1111', false], ['::ffff:8.8.8.8', false],
    ['not-an-ip', true],
  ])('%s → %s', (ip, want) => expect(isNonPublicAddress(ip)).toBe(want));
});

describe('isNonPublicHost', () => {
  it.each([
    ['localhost', true], ['api.localhost', true], ['127.0.0.1', true], ['[::1]', true], ['192.168.0.5', true],
    ['hooks.example.com', false], ['8.8.8.8', false],
  ])('%s → %s', (host, want) => expect(isNonPublicHost(host)).toBe(want));
});
