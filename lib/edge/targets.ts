/** The largest scan accepted: a /16 (65,536 addresses). Bigger is a typo or a misuse. */
export const MAX_TARGETS = 65_536;

export class TargetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TargetError';
  }
}

function ipToInt(ip: string): number {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip.trim());
  if (!m) throw new TargetError(`"${ip}" is not an IPv4 address`);
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) throw new TargetError(`"${ip}" is not an IPv4 address`);
  return ((parts[0]! << 24) >>> 0) + (parts[1]! << 16) + (parts[2]! << 8) + parts[3]!;
}

export function intToIp(v: number): string {
  return [v >>> 24, (v >>> 16) & 255, (v >>> 8) & 255, v & 255].join('.');
}

/** [first, last] inclusive for one term: an address, a range (a-b or a-lastOctet) or a CIDR block. */
function termRange(term: string): [number, number] {
  if (term.includes('/')) {
    const [base, bitsText] = term.split('/');
    const bits = Number(bitsText);
    if (!Number.isInteger(bits) || bits < 0 || bits > 32) throw new TargetError(`"${term}": prefix must be 0–32`);
    if (bits < 16) throw new TargetError(`"${term}" covers ${2 ** (32 - bits)} addresses; the limit is a /16 (${MAX_TARGETS})`);
    const size = 2 ** (32 - bits);
    const start = Math.floor(ipToInt(base!) / size) * size;
    // Network and broadcast addresses hold no miner, except in /31 and /32.
    return size > 2 ? [start + 1, start + size - 2] : [start, start + size - 1];
  }
  if (term.includes('-')) {
    const [a, b] = term.split('-').map((x) => x.trim());
    const from = ipToInt(a!);
    const to = /^\d{1,3}$/.test(b!) ? ((from & 0xffffff00) >>> 0) + Number(b) : ipToInt(b!);
    if (/^\d{1,3}$/.test(b!) && Number(b) > 255) throw new TargetError(`"${term}": last octet above 255`);
    if (to < from) throw new TargetError(`"${term}": the range ends before it starts`);
    return [from, to];
  }
  const v = ipToInt(term);
  return [v, v];
}

/**
 * Scan targets as written by an operator: "10.0.0.1-10.0.0.254", "10.0.0.1-254", "10.0.0.0/24",
 * a single address, or any list of those separated by commas, spaces or new lines. Returns unique
 * addresses in order; refuses more than a /16 in total with a TargetError.
 */
export function parseTargets(input: string | string[]): string[] {
  const terms = (Array.isArray(input) ? input : [input]).flatMap((s) => s.split(/[\s,;]+/)).filter(Boolean);
  if (terms.length === 0) throw new TargetError('no targets given');
  const ranges = terms.map(termRange);
  const total = ranges.reduce((n, [a, b]) => n + (b - a + 1), 0);
  if (total > MAX_TARGETS) throw new TargetError(`${total} addresses requested; the limit is ${MAX_TARGETS} (a /16)`);
  const seen = new Set<number>();
  const out: string[] = [];
  for (const [a, b] of ranges) {
    for (let v = a; v <= b; v++) {
      if (!seen.has(v)) {
        seen.add(v);
        out.push(intToIp(v));
      }
    }
  }
  return out;
}
