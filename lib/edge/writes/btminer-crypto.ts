import { createCipheriv, createDecipheriv, createHash } from 'node:crypto';
import { md5Crypt } from './md5-crypt';

/** What `get_token` answers (Msg): the miner's time and two md5-crypt salts. */
export type BtminerToken = { time: string; salt: string; newsalt: string };

/**
 * Whatsminer API v2 write credentials, as MicroBT's "WhatsMiner API V2.0.x" document describes and
 * pyasic (pyasic/rpc/btminer.py, Apache-2.0) implements: key = the hash part of
 * md5crypt(password, salt); sign = the hash part of md5crypt(key + time, newsalt); the AES-256 key
 * is sha256(key) as raw bytes.
 */
export function btminerV2Keys(password: string, token: BtminerToken): { sign: string; aesKey: Buffer } {
  const key = md5Crypt(password, token.salt).split('$')[3] ?? '';
  const sign = md5Crypt(key + token.time, token.newsalt).split('$')[3] ?? '';
  return { sign, aesKey: createHash('sha256').update(key).digest() };
}

/** AES-256-ECB over the JSON padded with NULs to 16 bytes, base64 (the v2 "enc" framing). */
export function btminerV2Encrypt(value: unknown, aesKey: Buffer): string {
  const plain = Buffer.from(JSON.stringify(value), 'utf8');
  const padded = Buffer.concat([plain, Buffer.alloc((16 - (plain.length % 16)) % 16)]);
  const c = createCipheriv('aes-256-ecb', aesKey, null).setAutoPadding(false);
  return Buffer.concat([c.update(padded), c.final()]).toString('base64');
}

/** The inverse of btminerV2Encrypt; throws when the key is wrong (the bytes are then not JSON). */
export function btminerV2Decrypt(data: string, aesKey: Buffer): unknown {
  const d = createDecipheriv('aes-256-ecb', aesKey, null).setAutoPadding(false);
  const plain = Buffer.concat([d.update(Buffer.from(data, 'base64')), d.final()]);
  return JSON.parse(plain.toString('utf8').replace(/\u0000+$/, ''));
}

/**
 * Whatsminer API v3 write token (MicroBT "WhatsMiner API V3.0.x"): the first 8 characters of
 * base64(sha256(cmd + password + salt + ts)); sensitive parameters (set.miner.pools) travel
 * AES-256-ECB encrypted under that sha256 with PKCS#7 padding, base64.
 */
export function btminerV3Token(cmd: string, password: string, salt: string, ts: number): { token: string; digest: Buffer } {
  const digest = createHash('sha256').update(`${cmd}${password}${salt}${ts}`).digest();
  return { token: digest.toString('base64').slice(0, 8), digest };
}

export function btminerV3Encrypt(value: unknown, digest: Buffer): string {
  const c = createCipheriv('aes-256-ecb', digest, null);
  return Buffer.concat([c.update(Buffer.from(JSON.stringify(value), 'utf8')), c.final()]).toString('base64');
}

export function btminerV3Decrypt(data: string, digest: Buffer): unknown {
  const d = createDecipheriv('aes-256-ecb', digest, null);
  return JSON.parse(Buffer.concat([d.update(Buffer.from(data, 'base64')), d.final()]).toString('utf8'));
}
