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

  // IPv6 spellings that carry an IPv4 address or sit outside global unicast: each reaches 127.0.0.1 or an internal network.
  it.each([
    ['::7f00:1', 'IPv4-compatible 127.0.0.1'],
    ['::127.0.0.1', 'IPv4-compatible, dotted'],
    ['::ffff:7f00:1', 'IPv4-mapped 127.0.0.1 as the URL parser writes it'],
    ['::ffff:a9fe:a9fe', 'IPv4-mapped cloud metadata'],
    ['2002:7f00:1::', '6to4 of 127.0.0.1'],
    ['2002:808:808::', '6to4 (any embedded address)'],
    ['64:ff9b::7f00:1', 'NAT64 well-known prefix'],
    ['64:ff9b:1::a00:1', 'NAT64 local-use prefix'],
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', 'Teredo'],
    ['::ffff:0:7f00:1', 'IPv4-translated'],
    ['fec0::1', 'deprecated site-local'],
    ['100::1', 'discard'],
    ['2001:db8::1', 'documentation'],
    ['fe80::1%eth0', 'link-local with a zone'],
    ['127.1', 'short IPv4 loopback'],
    ['2130706433', 'IPv4 loopback as one number'],
  ])('%s (%s) is not public', (ip) => expect(isNonPublicAddress(ip)).toBe(true));
});

describe('isNonPublicHost', () => {
  it.each([
    ['localhost', true], ['api.localhost', true], ['127.0.0.1', true], ['[::1]', true], ['192.168.0.5', true],
    ['hooks.example.com', false], ['8.8.8.8', false], ['[2606:4700:4700::1111]', false],
  ])('%s → %s', (host, want) => expect(isNonPublicHost(host)).toBe(want));

  it.each(['http://[::7f00:1]/hook', 'http://[2002:7f00:1::]/hook', 'http://[::ffff:127.0.0.1]/hook', 'http://[::127.0.0.1]/hook', 'http://[64:ff9b::127.0.0.1]/hook', 'http://0x7f.1/hook'])(
    'the host of %s, as the URL parser gives it, is refused',
    (url) => expect(isNonPublicHost(new URL(url).hostname)).toBe(true),
  );
});
