import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** `hie_` + 43 base64url characters (32 random bytes). The prefix makes a leaked token easy to grep for. */
export function generateDeviceToken(): string {
  return `hie_${randomBytes(32).toString('base64url')}`;
}

export function hashDeviceToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * The key that signs commands for this device. Derived from the token so a collector is configured
 * with one secret; the server stores this derived key and the token's hash, never the token.
 */
export function commandSigningKey(token: string): string {
  return createHmac('sha256', token).update('hashinsight/edge/command-signing/v1').digest('hex');
}

/** Constant-time comparison of two hex strings. */
export function hexEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}
