/*
 * Bech32 (BIP-173) and bech32m (BIP-350), after the BIPs' reference code: the checksum is a BCH code
 * over the lower-cased human-readable part and the 5-bit data; the two encodings differ only in the
 * constant the checksum must leave (1 for bech32, 0x2bc830a3 for bech32m).
 */
const CHARSET = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
const GENERATOR = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
export const BECH32_CONST = 1;
export const BECH32M_CONST = 0x2bc830a3;
export type Bech32Encoding = 'bech32' | 'bech32m';

function polymod(values: number[]): number {
  let chk = 1;
  for (const v of values) {
    const top = chk >>> 25;
    chk = ((chk & 0x1ffffff) << 5) ^ v;
    for (let i = 0; i < 5; i++) if ((top >>> i) & 1) chk ^= GENERATOR[i]!;
  }
  return chk >>> 0;
}

function hrpExpand(hrp: string): number[] {
  const codes = [...hrp].map((c) => c.charCodeAt(0));
  return [...codes.map((c) => c >> 5), 0, ...codes.map((c) => c & 31)];
}

/** The string's hrp, 5-bit data (checksum removed) and which encoding its checksum is; null when it is neither. */
export function bech32Decode(input: string): { hrp: string; data: number[]; encoding: Bech32Encoding } | null {
  if (input.length > 90) return null;
  if (input !== input.toLowerCase() && input !== input.toUpperCase()) return null;
  for (const c of input) if (c.charCodeAt(0) < 33 || c.charCodeAt(0) > 126) return null;
  const s = input.toLowerCase();
  const pos = s.lastIndexOf('1');
  if (pos < 1 || pos + 7 > s.length) return null;
  const hrp = s.slice(0, pos);
  const data: number[] = [];
  for (const c of s.slice(pos + 1)) {
    const d = CHARSET.indexOf(c);
    if (d === -1) return null;
    data.push(d);
  }
  const check = polymod([...hrpExpand(hrp), ...data]);
  const encoding = check === BECH32_CONST ? 'bech32' : check === BECH32M_CONST ? 'bech32m' : null;
  return encoding ? { hrp, data: data.slice(0, -6), encoding } : null;
}

export function bech32Encode(hrp: string, data: number[], encoding: Bech32Encoding): string {
  const values = [...hrpExpand(hrp), ...data, 0, 0, 0, 0, 0, 0];
  const mod = polymod(values) ^ (encoding === 'bech32' ? BECH32_CONST : BECH32M_CONST);
  const checksum = [0, 1, 2, 3, 4, 5].map((i) => (mod >>> (5 * (5 - i))) & 31);
  return hrp + '1' + [...data, ...checksum].map((d) => CHARSET[d]).join('');
}

/** Regroups bits (8→5 to encode, 5→8 to decode); null when the padding is not allowed (BIP-173). */
export function convertBits(data: ArrayLike<number>, from: number, to: number, pad: boolean): number[] | null {
  let acc = 0;
  let bits = 0;
  const out: number[] = [];
  const maxv = (1 << to) - 1;
  for (let i = 0; i < data.length; i++) {
    const value = data[i]!;
    if (value < 0 || value >> from) return null;
    acc = (acc << from) | value;
    bits += from;
    while (bits >= to) {
      bits -= to;
      out.push((acc >> bits) & maxv);
    }
  }
  if (pad) {
    if (bits) out.push((acc << (to - bits)) & maxv);
  } else if (bits >= from || (acc << (to - bits)) & maxv) return null;
  return out;
}

/**
 * A segwit address's witness version and program, when `hrp` is its prefix and it obeys BIP-173 and
 * BIP-350: version 0 with bech32 and a 20- or 32-byte program, versions 1–16 with bech32m and 2–40 bytes.
 */
export function decodeSegwit(hrp: string, address: string): { version: number; program: Uint8Array } | null {
  const dec = bech32Decode(address);
  if (!dec || dec.hrp !== hrp || dec.data.length < 1) return null;
  const version = dec.data[0]!;
  if (version > 16) return null;
  const program = convertBits(dec.data.slice(1), 5, 8, false);
  if (!program || program.length < 2 || program.length > 40) return null;
  if (version === 0 && program.length !== 20 && program.length !== 32) return null;
  if ((version === 0) !== (dec.encoding === 'bech32')) return null;
  return { version, program: Uint8Array.from(program) };
}

export function encodeSegwit(hrp: string, version: number, program: Uint8Array): string {
  return bech32Encode(hrp, [version, ...convertBits(program, 8, 5, true)!], version === 0 ? 'bech32' : 'bech32m');
}
