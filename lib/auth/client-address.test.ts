import { describe, expect, it } from 'vitest';
import { addressBucket, clientAddress, PEER_HEADER } from './client-address';

const request = (peer: string | null, forwarded?: string) => new Headers({ ...(peer === null ? {} : { [PEER_HEADER]: peer }), ...(forwarded ? { 'x-forwarded-for': forwarded } : {}) });

describe('clientAddress', () => {
  it.each([
    // No trusted proxy: whatever the client writes into X-Forwarded-For is ignored.
    [0, '203.0.113.7', undefined, '203.0.113.7'],
    [0, '203.0.113.7', '198.51.100.1', '203.0.113.7'],
    [0, '203.0.113.7', '198.51.100.1, 198.51.100.2', '203.0.113.7'],
    // One proxy: it appended the client's address; anything left of that is the client's own writing.
    [1, '10.0.0.2', '198.51.100.1', '198.51.100.1'],
    [1, '10.0.0.2', 'spoofed, 198.51.100.1', '198.51.100.1'],
    [1, '10.0.0.2', '1.1.1.1, 2.2.2.2, 198.51.100.1', '198.51.100.1'],
    // Two proxies: the CDN appended the client, the load balancer appended the CDN.
    [2, '10.0.0.2', 'spoofed, 198.51.100.1, 172.16.0.9', '198.51.100.1'],
    // Fewer entries than hops (reached the app past the proxies): the leftmost there is.
    [2, '10.0.0.2', '198.51.100.1', '198.51.100.1'],
    [1, '10.0.0.2', undefined, '10.0.0.2'],
  ] as const)('hops %i, peer %s, X-Forwarded-For %s → %s', (hops, peer, forwarded, expected) => {
    expect(clientAddress(request(peer, forwarded), hops)).toBe(expected);
  });

  it('never takes the address from the headers alone when the peer is unknown', () => {
    expect(clientAddress(request(null, '198.51.100.1'), 0)).toBe('unknown');
  });
});

describe('addressBucket', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['203.0.113.7:51234', '203.0.113.7'],
    ['2001:db8:1:2:aaaa:bbbb:cccc:dddd', '2001:db8:1:2::/64'],
    ['2001:db8:1:2::1', '2001:db8:1:2::/64'],
    ['2001:0DB8:0001:0002:ffff::9', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['[2001:db8:1:2::1]:443', '2001:db8:1:2::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['', 'unknown'],
    ['not-an-address', 'unknown'],
    ['999.1.1.1', 'unknown'],
  ])('%s → %s', (raw, expected) => {
    expect(addressBucket(raw)).toBe(expected);
  });
});
