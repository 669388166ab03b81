import { sha256 } from '@noble/hashes/sha2.js';
import { fromBase64 } from './encoding';

/** A short, readable digest of a collector public key, so an operator can compare the page with the collector's log. */
export function keyFingerprint(publicKeyBase64: string): string {
  const hex = Array.from(sha256(fromBase64(publicKeyBase64)).slice(0, 8), (b) => b.toString(16).padStart(2, '0')).join('');
  return hex.match(/.{4}/g)!.join(':');
}
