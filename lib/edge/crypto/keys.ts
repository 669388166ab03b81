import { x25519 } from '@noble/curves/ed25519.js';
import { fromBase64, toBase64 } from './encoding';

/** A collector's X25519 key pair. The public half goes to the cloud; the secret never leaves the collector. */
export type CollectorKeyPair = { keyVersion: number; publicKey: Uint8Array; secretKey: Uint8Array };

/** What the cloud stores and hands to the browser for sealing. */
export type CollectorPublicKey = { keyVersion: number; publicKey: string };

export function generateCollectorKeyPair(keyVersion = 1): CollectorKeyPair {
  if (!Number.isInteger(keyVersion) || keyVersion < 1) throw new Error('keyVersion must be a positive integer');
  const secretKey = x25519.utils.randomSecretKey();
  return { keyVersion, publicKey: x25519.getPublicKey(secretKey), secretKey };
}

/**
 * Rotation: a new pair with the next version. The collector keeps the previous secret keys in
 * its ring until every credential has been re-sealed to the new public key (see reseal).
 */
export function rotateCollectorKey(ring: readonly CollectorKeyPair[]): CollectorKeyPair {
  const latest = ring.reduce((v, k) => Math.max(v, k.keyVersion), 0);
  return generateCollectorKeyPair(latest + 1);
}

export function findKey(ring: readonly CollectorKeyPair[], keyVersion: number): CollectorKeyPair | null {
  return ring.find((k) => k.keyVersion === keyVersion) ?? null;
}

export function exportPublicKey(pair: CollectorKeyPair): CollectorPublicKey {
  return { keyVersion: pair.keyVersion, publicKey: toBase64(pair.publicKey) };
}

export function importPublicKey(pub: CollectorPublicKey): { keyVersion: number; publicKey: Uint8Array } {
  const publicKey = fromBase64(pub.publicKey);
  if (publicKey.length !== 32) throw new Error('X25519 public key must be 32 bytes');
  return { keyVersion: pub.keyVersion, publicKey };
}
