import { gcm } from '@noble/ciphers/aes.js';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { env } from '@/lib/env';

/**
 * Pool API secrets at rest: AES-256-GCM with a random 12-byte nonce, stored as
 * base64(nonce ‖ ciphertext ‖ tag). The AAD binds the ciphertext to its org and pool user, so a
 * secret copied onto another account row fails to decrypt instead of authenticating as it.
 */
export function secretsKey(): Uint8Array {
  const e = env();
  if (e.antpool.secretsKey) {
    const key = Buffer.from(e.antpool.secretsKey, 'base64');
    if (key.length !== 32) throw new Error('ANTPOOL_SECRETS_KEY must be base64 of exactly 32 bytes (openssl rand -base64 32)');
    return new Uint8Array(key);
  }
  // Like AUTH_SECRET: a shared production database needs the key configured; a single machine keeps a generated one.
  if (e.nodeEnv === 'production' && e.databaseUrl) throw new Error('ANTPOOL_SECRETS_KEY is required in production (openssl rand -base64 32)');
  const file = path.join(e.dataDir, 'antpool-secrets-key');
  if (existsSync(file)) return new Uint8Array(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64'));
  mkdirSync(e.dataDir, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(file, key.toString('base64'), { mode: 0o600 });
  return new Uint8Array(key);
}

const aad = (orgId: string, userId: string) => new TextEncoder().encode(`pool_accounts:${orgId}:${userId}`);

export function encryptSecret(plain: string, ctx: { orgId: string; userId: string }, key = secretsKey()): string {
  const nonce = new Uint8Array(randomBytes(12));
  const sealed = gcm(key, nonce, aad(ctx.orgId, ctx.userId)).encrypt(new TextEncoder().encode(plain));
  return Buffer.concat([nonce, sealed]).toString('base64');
}

export function decryptSecret(stored: string, ctx: { orgId: string; userId: string }, key = secretsKey()): string {
  const raw = new Uint8Array(Buffer.from(stored, 'base64'));
  return new TextDecoder().decode(gcm(key, raw.subarray(0, 12), aad(ctx.orgId, ctx.userId)).decrypt(raw.subarray(12)));
}
