import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decryptSecret, encryptSecret } from './secrets';

const key = new Uint8Array(randomBytes(32));
const ctx = { orgId: 'org-1', userId: 'hi-main' };

describe('pool secrets (AES-256-GCM)', () => {
  it('round-trips and never stores the plain text', () => {
    const sealed = encryptSecret('my-api-secret', ctx, key);
    expect(sealed).not.toContain('my-api-secret');
    expect(Buffer.from(sealed, 'base64').length).toBe(12 + 13 + 16);
    expect(decryptSecret(sealed, ctx, key)).toBe('my-api-secret');
  });

  it('uses a fresh nonce each time', () => {
    expect(encryptSecret('x', ctx, key)).not.toBe(encryptSecret('x', ctx, key));
  });

  it('fails on another account, another key, or a flipped bit', () => {
    const sealed = encryptSecret('my-api-secret', ctx, key);
    expect(() => decryptSecret(sealed, { ...ctx, userId: 'other' }, key)).toThrow();
    expect(() => decryptSecret(sealed, ctx, new Uint8Array(randomBytes(32)))).toThrow();
    const bytes = Buffer.from(sealed, 'base64');
    bytes[20]! ^= 1;
    expect(() => decryptSecret(bytes.toString('base64'), ctx, key)).toThrow();
  });
});
