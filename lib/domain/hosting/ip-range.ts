/**
 * The miner list's IP filter: a CIDR block (`10.20.0.0/16`), an inclusive IPv4 range
 * (`10.20.1.1-10.20.1.50`) or one address. Parsed here so a malformed value is a 400, never a
 * failed cast inside SQL.
 */
export type IpRange = { kind: 'cidr'; cidr: string } | { kind: 'range'; from: string; to: string };

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

const ipv4ToInt = (ip: string) => ip.split('.').reduce((n, part) => n * 256 + Number(part), 0);

export function parseIpRange(raw: string): IpRange | null {
  const value = raw.trim();
  if (value.includes('/')) {
    const [ip, bits, extra] = value.split('/');
    if (extra !== undefined || !ip || !IPV4.test(ip) || !/^\d{1,2}$/.test(bits ?? '') || Number(bits) > 32) return null;
    return { kind: 'cidr', cidr: `${ip}/${Number(bits)}` };
  }
  if (value.includes('-')) {
    const [from, to, extra] = value.split('-').map((s) => s.trim());
    if (extra !== undefined || !from || !to || !IPV4.test(from) || !IPV4.test(to)) return null;
    if (ipv4ToInt(from) > ipv4ToInt(to)) return null;
    return { kind: 'range', from, to };
  }
  return IPV4.test(value) ? { kind: 'cidr', cidr: `${value}/32` } : null;
}
