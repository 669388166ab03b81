import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '@/db/client';
import { consumeApiTokenHash, insertApiToken, type TokenOwner } from '@/db/queries/auth/api-tokens';

const TOKEN_PREFIX = 'hi_';

export const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/** 32 random bytes, base64url: 256 bits, so the fast SHA-256 (not a password hash) is enough. */
function newToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

/** Creates a token and returns its clear text once; only the hash is stored. */
export async function createApiToken(db: Db, owner: TokenOwner, name: string) {
  const token = newToken();
  const row = await insertApiToken(db, owner, name, { tokenHash: hashToken(token), prefix: token.slice(0, TOKEN_PREFIX.length + 6) });
  return row ? { ok: true as const, token, row } : { ok: false as const };
}

/** The active token with this clear text, if any; marks it used. */
export function consumeApiToken(db: Db, token: string, now: Date) {
  return consumeApiTokenHash(db, hashToken(token), now);
}
