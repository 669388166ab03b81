import { keccak_256 } from '@noble/hashes/sha3.js';
import { bytesToHex } from '@noble/hashes/utils.js';

export type EvmAddressCheck = { ok: true; address: string; checksummed: boolean } | { ok: false; reason: 'empty' | 'format' | 'checksum' };

/** EIP-55: a hex letter is upper-case when the matching nibble of keccak-256(lower-case hex) is 8 or more. */
export function toChecksumAddress(address: string): string {
  const hex = address.replace(/^0x/i, '').toLowerCase();
  const hash = bytesToHex(keccak_256(new TextEncoder().encode(hex)));
  return '0x' + [...hex].map((c, i) => (parseInt(hash[i]!, 16) >= 8 ? c.toUpperCase() : c)).join('');
}

/**
 * Checks an EVM address (USDT on Ethereum and its kin). Mixed case carries an EIP-55 checksum and
 * must match it; all-lower or all-upper carries none (`checksummed: false`, the form can ask the user
 * to double-check it). Returned in its checksummed form.
 */
export function checkEvmAddress(raw: string): EvmAddressCheck {
  const text = raw.trim();
  if (!text) return { ok: false, reason: 'empty' };
  if (!/^0x[0-9a-fA-F]{40}$/.test(text)) return { ok: false, reason: 'format' };
  const body = text.slice(2);
  const checksummed = toChecksumAddress(text);
  if (body === body.toLowerCase() || body === body.toUpperCase()) return { ok: true, address: checksummed, checksummed: false };
  return checksummed === text ? { ok: true, address: checksummed, checksummed: true } : { ok: false, reason: 'checksum' };
}
