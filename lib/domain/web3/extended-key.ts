import { secp256k1 } from '@noble/curves/secp256k1.js';
import { hmac } from '@noble/hashes/hmac.js';
import { ripemd160 } from '@noble/hashes/legacy.js';
import { sha256, sha512 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { base58checkDecode, base58checkEncode } from './base58check';
import { encodeSegwit } from './bech32';
import type { BtcNetwork } from './btc-address';

/** The receive script an extended key's prefix stands for (SLIP-132): xpub/tpub legacy, ypub/upub nested segwit, zpub/vpub native segwit. */
export type ScriptType = 'p2pkh' | 'p2sh-p2wpkh' | 'p2wpkh';
export type ExtendedKeyKind = 'xpub' | 'ypub' | 'zpub' | 'tpub' | 'upub' | 'vpub';

const PUBLIC_VERSIONS: Record<number, { kind: ExtendedKeyKind; network: BtcNetwork; script: ScriptType }> = {
  0x0488b21e: { kind: 'xpub', network: 'mainnet', script: 'p2pkh' },
  0x049d7cb2: { kind: 'ypub', network: 'mainnet', script: 'p2sh-p2wpkh' },
  0x04b24746: { kind: 'zpub', network: 'mainnet', script: 'p2wpkh' },
  0x043587cf: { kind: 'tpub', network: 'testnet', script: 'p2pkh' },
  0x044a5262: { kind: 'upub', network: 'testnet', script: 'p2sh-p2wpkh' },
  0x045f1cf6: { kind: 'vpub', network: 'testnet', script: 'p2wpkh' },
};
// xprv, yprv, zprv, tprv, uprv, vprv: refused by name, so nobody pastes a spending key into a watch-only form.
const PRIVATE_VERSIONS = new Set([0x0488ade4, 0x049d7878, 0x04b2430c, 0x04358394, 0x044a4e28, 0x045f18bc]);

export type ExtendedPublicKey = {
  kind: ExtendedKeyKind;
  network: BtcNetwork;
  script: ScriptType;
  version: number;
  depth: number;
  parentFingerprint: number;
  childNumber: number;
  chainCode: Uint8Array;
  publicKey: Uint8Array;
};

export type ExtendedKeyError = 'empty' | 'format' | 'checksum' | 'private' | 'version' | 'point';

/** Parses a BIP-32 extended public key (78 bytes, base58check) whose key is a point on secp256k1. */
export function parseExtendedKey(raw: string): { ok: true; key: ExtendedPublicKey } | { ok: false; reason: ExtendedKeyError } {
  const text = raw.trim();
  if (!text) return { ok: false, reason: 'empty' };
  if (!/^[1-9A-HJ-NP-Za-km-z]{100,120}$/.test(text)) return { ok: false, reason: 'format' };
  const data = base58checkDecode(text);
  if (!data) return { ok: false, reason: 'checksum' };
  if (data.length !== 78) return { ok: false, reason: 'format' };
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const version = view.getUint32(0);
  if (PRIVATE_VERSIONS.has(version)) return { ok: false, reason: 'private' };
  const meta = PUBLIC_VERSIONS[version];
  if (!meta) return { ok: false, reason: 'version' };
  const publicKey = data.slice(45, 78);
  try {
    secp256k1.Point.fromBytes(publicKey);
  } catch {
    return { ok: false, reason: 'point' };
  }
  return { ok: true, key: { ...meta, version, depth: data[4]!, parentFingerprint: view.getUint32(5), childNumber: view.getUint32(9), chainCode: data.slice(13, 45), publicKey } };
}

const hash160 = (bytes: Uint8Array) => ripemd160(sha256(bytes));

/** CKDpub (BIP-32): the non-hardened child `index` of a public key. */
export function deriveChild(parent: ExtendedPublicKey, index: number): ExtendedPublicKey {
  if (!Number.isInteger(index) || index < 0 || index >= 0x80000000) throw new RangeError('only non-hardened children derive from a public key');
  const data = new Uint8Array(37);
  data.set(parent.publicKey);
  new DataView(data.buffer).setUint32(33, index);
  const I = hmac(sha512, parent.chainCode, data);
  const il = BigInt('0x' + bytesToHex(I.subarray(0, 32)));
  // Probability below 2^-127; BIP-32 says to go on with the next index, which the caller sees as a throw.
  if (il >= secp256k1.Point.Fn.ORDER) throw new RangeError('invalid child, use the next index');
  const point = secp256k1.Point.BASE.multiply(il).add(secp256k1.Point.fromBytes(parent.publicKey));
  return {
    ...parent,
    depth: parent.depth + 1,
    parentFingerprint: new DataView(hash160(parent.publicKey).buffer).getUint32(0),
    childNumber: index,
    chainCode: I.slice(32),
    publicKey: point.toBytes(true),
  };
}

export function serializeExtendedKey(key: ExtendedPublicKey): string {
  const data = new Uint8Array(78);
  const view = new DataView(data.buffer);
  view.setUint32(0, key.version);
  data[4] = key.depth;
  view.setUint32(5, key.parentFingerprint);
  view.setUint32(9, key.childNumber);
  data.set(key.chainCode, 13);
  data.set(key.publicKey, 45);
  return base58checkEncode(data);
}

/** The address paying to one public key in the key's script type and network. */
export function addressOf(publicKey: Uint8Array, script: ScriptType, network: BtcNetwork): string {
  const h = hash160(publicKey);
  const main = network === 'mainnet';
  if (script === 'p2wpkh') return encodeSegwit(main ? 'bc' : network === 'regtest' ? 'bcrt' : 'tb', 0, h);
  if (script === 'p2pkh') return base58checkEncode(Uint8Array.from([main ? 0x00 : 0x6f, ...h]));
  const redeem = Uint8Array.from([0x00, 0x14, ...h]);
  return base58checkEncode(Uint8Array.from([main ? 0x05 : 0xc4, ...hash160(redeem)]));
}

/**
 * The first `count` receive addresses of an account-level extended key: children 0/0 … 0/(count-1),
 * the external chain, as wallets following BIP-44/49/84 hand them out.
 */
export function receiveAddresses(key: ExtendedPublicKey, count: number, start = 0): { index: number; address: string }[] {
  const external = deriveChild(key, 0);
  return Array.from({ length: count }, (_, i) => ({ index: start + i, address: addressOf(deriveChild(external, start + i).publicKey, key.script, key.network) }));
}
