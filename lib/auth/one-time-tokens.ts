import { randomBytes } from 'node:crypto';
import type { Db } from '@/db/client';
import { findLiveOneTimeToken, insertOneTimeToken, spendOneTimeToken } from '@/db/queries/auth/one-time-tokens';
import { hashToken } from './api-tokens';

/**
 * One-time e-mail links, for any purpose: the clear token exists only in the link (32 random bytes,
 * base64url, so SHA-256 suffices), the database keeps its hash, the purpose is checked on use so an
 * invitation cannot reset a password, and a link works once and until it expires.
 */
export const ONE_TIME_PURPOSES = { invite: 7 * 24 * 3600, password_reset: 3600, lead_activation: 7 * 24 * 3600 } as const;
export type OneTimePurpose = keyof typeof ONE_TIME_PURPOSES;

export async function issueOneTimeToken(
  db: Db,
  input: { orgId: string; purpose: OneTimePurpose; email: string; userId?: string | null; payload?: Record<string, unknown>; createdBy?: string | null; ttlS?: number },
  now: Date,
) {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + (input.ttlS ?? ONE_TIME_PURPOSES[input.purpose]) * 1000);
  const row = await insertOneTimeToken(
    db,
    { orgId: input.orgId, purpose: input.purpose, email: input.email.trim().toLowerCase(), userId: input.userId ?? null, tokenHash: hashToken(token), payload: input.payload ?? {}, createdBy: input.createdBy ?? null, expiresAt },
    now,
  );
  return { token, id: row.id, expiresAt };
}

/** The link's row if it can still be used; does not use it. */
export function peekOneTimeToken(db: Db, purpose: OneTimePurpose, token: string, now: Date) {
  return token ? findLiveOneTimeToken(db, purpose, hashToken(token), now) : Promise.resolve(null);
}

/** Uses the link (once, atomically); null when it is unknown, used, expired or of another purpose. Call inside the granting transaction. */
export function redeemOneTimeToken(db: Db, purpose: OneTimePurpose, token: string, now: Date) {
  return token ? spendOneTimeToken(db, purpose, hashToken(token), now) : Promise.resolve(null);
}
