import ipaddr from 'ipaddr.js';

/*
 * Where a webhook may not go: the machine itself, private networks, link-local (cloud metadata at
 * 169.254.169.254), carrier-grade NAT, benchmarking, multicast, reserved ranges, and any IPv6 form
 * that carries an IPv4 address or leaves the global unicast space. A webhook URL is typed by a
 * user, so without this a receiver could be an internal service reached from our server.
 *
 * The ranges are ipaddr.js's, not ours: a hand-written list missed that `[::7f00:1]` (IPv4-compatible)
 * and `[2002:7f00:1::]` (6to4) reach 127.0.0.1 too. Only what ipaddr.js calls plain `unicast` passes;
 * for IPv6 also only inside 2000::/3, the block IANA hands out for global unicast, which leaves out
 * the IPv4-compatible ::/96 that ipaddr.js does not name. Transition forms (6to4, Teredo, NAT64,
 * IPv4-translated) are refused whatever IPv4 address they embed; IPv4-mapped addresses are judged
 * as the IPv4 address they are.
 */
const GLOBAL_UNICAST_V6 = ipaddr.IPv6.parseCIDR('2000::/3');

/** True when `ip` (any IPv4 or IPv6 spelling ipaddr.js reads) is one a webhook must not reach. Not an IP → true. */
export function isNonPublicAddress(ip: string): boolean {
  let addr: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    addr = ipaddr.parse(ip);
  } catch {
    return true;
  }
  if (addr.kind() === 'ipv4') return addr.range() !== 'unicast';
  const v6 = addr as ipaddr.IPv6;
  if (v6.isIPv4MappedAddress()) return v6.toIPv4Address().range() !== 'unicast';
  return v6.range() !== 'unicast' || !v6.match(GLOBAL_UNICAST_V6);
}

/**
 * The check that can be made on the URL alone (before any DNS lookup): `localhost` names and literal
 * non-public addresses. Names that resolve to such addresses are refused at connection time.
 */
export function isNonPublicHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  return ipaddr.isValid(host) && isNonPublicAddress(host);
}
