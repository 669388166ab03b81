import ipaddr from 'ipaddr.js';

/**
 * The miner list's IP filter: a CIDR block (`10.20.0.0/16`), an inclusive IPv4 range
 * (`10.20.1.1-10.20.1.50`) or one address. Parsed here so a malformed value is a 400, never a
 * failed cast inside SQL.
 */
export type IpRange = { kind: 'cidr'; cidr: string } | { kind: 'range'; from: string; to: string };

// Dotted decimal only (no octal, hex or short forms), as PostgreSQL's inet reads it.
const isIpv4 = (s: string) => ipaddr.IPv4.isValidFourPartDecimal(s);

const ipv4ToInt = (ip: string) => ipaddr.IPv4.parse(ip).toByteArray().reduce((n, byte) => n * 256 + byte, 0);

export function parseIpRange(raw: string): IpRange | null {
  const value = raw.trim();
  if (value.includes('/')) {
    const [ip, bits, extra] = value.split('/');
    if (extra !== undefined || !ip || !isIpv4(ip) || !/^\d{1,2}$/.test(bits ?? '') || Number(bits) > 32) return null;
    return { kind: 'cidr', cidr: `${ip}/${Number(bits)}` };
  }
  if (value.includes('-')) {
    const [from, to, extra] = value.split('-').map((s) => s.trim());
    if (extra !== undefined || !from || !to || !isIpv4(from) || !isIpv4(to)) return null;
    if (ipv4ToInt(from) > ipv4ToInt(to)) return null;
    return { kind: 'range', from, to };
  }
  return isIpv4(value) ? { kind: 'cidr', cidr: `${value}/32` } : null;
}
