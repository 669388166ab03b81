import { base58checkDecode } from './base58check';
import { bech32Decode, decodeSegwit } from './bech32';

export type BtcNetwork = 'mainnet' | 'testnet' | 'regtest';
export type BtcAddressKind = 'p2pkh' | 'p2sh' | 'p2wpkh' | 'p2wsh' | 'p2tr' | 'segwit';
/** Why an address is refused: a message key (Web3.errors.<reason>). */
export type BtcAddressError = 'empty' | 'format' | 'checksum' | 'program' | 'network';
export type BtcAddressCheck = { ok: true; address: string; network: BtcNetwork; kind: BtcAddressKind } | { ok: false; reason: BtcAddressError };

const HRPS: Record<string, BtcNetwork> = { bc: 'mainnet', tb: 'testnet', bcrt: 'regtest' };
// Base58 version bytes: testnet, signet and regtest share theirs, so they read as testnet.
const VERSIONS: Record<number, { network: BtcNetwork; kind: BtcAddressKind }> = {
  0x00: { network: 'mainnet', kind: 'p2pkh' },
  0x05: { network: 'mainnet', kind: 'p2sh' },
  0x6f: { network: 'testnet', kind: 'p2pkh' },
  0xc4: { network: 'testnet', kind: 'p2sh' },
};

function segwitKind(version: number, length: number): BtcAddressKind {
  if (version === 0) return length === 20 ? 'p2wpkh' : 'p2wsh';
  return version === 1 && length === 32 ? 'p2tr' : 'segwit';
}

/**
 * Checks a Bitcoin address and tells its network and kind: bech32 (witness v0, BIP-173) and bech32m
 * (v1+, BIP-350) by their checksums, base58check (P2PKH, P2SH) by its double SHA-256. A segwit
 * address is returned lower-cased (its canonical form); `expected` refuses another network's address.
 */
export function checkBtcAddress(raw: string, expected?: BtcNetwork): BtcAddressCheck {
  const text = raw.trim();
  if (!text) return { ok: false, reason: 'empty' };
  const result = /^(bc|tb|bcrt)1/i.test(text) ? checkSegwit(text) : checkBase58(text);
  if (result.ok && expected && result.network !== expected) return { ok: false, reason: 'network' };
  return result;
}

function checkSegwit(text: string): BtcAddressCheck {
  const decoded = bech32Decode(text);
  if (!decoded) return { ok: false, reason: /[^a-zA-Z0-9]/.test(text) || (text !== text.toLowerCase() && text !== text.toUpperCase()) ? 'format' : 'checksum' };
  const network = HRPS[decoded.hrp];
  if (!network) return { ok: false, reason: 'format' };
  const segwit = decodeSegwit(decoded.hrp, text);
  if (!segwit) return { ok: false, reason: 'program' };
  return { ok: true, address: text.toLowerCase(), network, kind: segwitKind(segwit.version, segwit.program.length) };
}

function checkBase58(text: string): BtcAddressCheck {
  if (!/^[1-9A-HJ-NP-Za-km-z]{25,35}$/.test(text)) return { ok: false, reason: 'format' };
  const payload = base58checkDecode(text);
  if (!payload) return { ok: false, reason: 'checksum' };
  const version = payload.length === 21 ? VERSIONS[payload[0]!] : undefined;
  return version ? { ok: true, address: text, ...version } : { ok: false, reason: 'format' };
}
