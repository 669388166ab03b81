import { isIPv4, isIPv6 } from 'node:net';

/** Set from the TCP connection by lib/auth/peer-address.ts; a copy sent by the client is overwritten there. */
export const PEER_HEADER = 'x-hi-peer-address';

/**
 * The address a sign-in attempt counts against. The chain is X-Forwarded-For followed by the TCP
 * peer; each trusted proxy appended the address it was reached from, so the client sits
 * `trustedProxyHops` places left of the peer, and whatever lies further left was written by the
 * client itself. With no trusted proxy the header is not read at all.
 */
export function clientAddress(headers: Headers, trustedProxyHops: number): string {
  const forwarded = trustedProxyHops > 0 ? (headers.get('x-forwarded-for') ?? '').split(',').map((s) => s.trim()).filter(Boolean) : [];
  const chain = [...forwarded, headers.get(PEER_HEADER) ?? ''];
  return addressBucket(chain[Math.max(0, chain.length - 1 - trustedProxyHops)]!);
}

/**
 * IPv4 as it is; IPv6 by its /64, the block a single subscriber is given, so stepping through
 * addresses inside it gains nothing. Anything unreadable shares one 'unknown' bucket.
 */
export function addressBucket(raw: string): string {
  const ip = raw.replace(/^\[|\](:\d+)?$/g, '').replace(/%.*$/, '');
  const v4 = /^(?:::ffff:)?(\d+\.\d+\.\d+\.\d+)(?::\d+)?$/i.exec(ip)?.[1];
  if (v4 && isIPv4(v4)) return v4;
  if (!isIPv6(ip)) return 'unknown';
  const [head = '', tail] = ip.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return `${groups.slice(0, 4).map((g) => parseInt(g, 16).toString(16)).join(':')}::/64`;
}
