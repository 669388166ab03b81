import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'X-HashInsight-Signature';
export const TIMESTAMP_HEADER = 'X-HashInsight-Timestamp';
export const DELIVERY_HEADER = 'X-HashInsight-Delivery';

/** `sha256=<hex HMAC-SHA256 of the raw body>` — what a receiver recomputes with its copy of the secret. */
export function signBody(rawBody: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody, 'utf8').digest('hex')}`;
}

/** Constant-time check of a received signature header against the raw body. */
export function verifySignature(rawBody: string, secret: string, header: string | null | undefined): boolean {
  if (!header) return false;
  const expected = Buffer.from(signBody(rawBody, secret));
  const got = Buffer.from(header);
  return expected.length === got.length && timingSafeEqual(expected, got);
}
