import { createHash } from 'node:crypto';
import type { Db } from '@/db/client';
import { takeNonce } from '@/db/queries/pool/nonces';

export type NonceSource = (key: string) => Promise<number>;

/**
 * Antpool rejects a nonce that is not above the last one it saw for the key (−18). Milliseconds
 * repeat under concurrency, the clock can step back, and another instance (whose clock may be
 * behind this one's) signs with the same key, so each key gets max(now, last + 1) with `last` kept
 * in the database for every instance.
 */
export function createNonceSource(db: Db, clock: () => number = Date.now): NonceSource {
  return (key) => takeNonce(db, createHash('sha256').update(key).digest('hex'), clock());
}
