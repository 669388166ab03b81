import { createHmac } from 'node:crypto';

/** REFERENCE §4: UPPERCASE_HEX(HMAC_SHA256(secret, userId + key + nonce)); userId is the key owner's. */
export function antpoolSignature(secret: string, userId: string, key: string, nonce: number | string): string {
  return createHmac('sha256', secret).update(`${userId}${key}${nonce}`).digest('hex').toUpperCase();
}
