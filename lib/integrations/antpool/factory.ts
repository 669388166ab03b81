import { Redis } from '@upstash/redis';
import type { Db } from '@/db/client';
import { loadAccountRow } from '@/db/queries/pool-accounts';
import { env } from '@/lib/env';
import { antpoolApi } from './api';
import { DbRateBudget, type RateBudget } from './budget';
import { AntpoolClient, type AntpoolClientOptions } from './client';
import { AntpoolError } from './errors';
import { createNonceSource } from './nonce';
import { RedisRateBudget } from './redis-budget';
import { decryptSecret } from './secrets';

type Overrides = Partial<Omit<AntpoolClientOptions, 'credentials'>>;
let testOverrides: Overrides | undefined;

/** Tests and the bench point the jobs at the local server (and speed up backoff) through here. */
export function setAntpoolOverridesForTests(o: Overrides | undefined) {
  testOverrides = o;
}

export function isLoopback(url: string): boolean {
  const host = new URL(url).hostname;
  return host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

let redisClient: Redis | undefined;

/** Redis when configured (every instance shares it); otherwise the database. Swapped in one place for every caller. */
export function defaultBudget(db: Db): RateBudget {
  const redis = env().redis;
  if (!redis) return new DbRateBudget(db);
  redisClient ??= new Redis({ url: redis.url, token: redis.token });
  return new RedisRateBudget(redisClient, db);
}

/**
 * A client for one stored account: its own key when it has one, otherwise its parent's key with
 * `userId` naming the sub-account. The demo never talks to anything but a local pool server.
 */
export async function clientForAccount(db: Db, accountId: string, over: Overrides = {}) {
  const account = await loadAccountRow(db, accountId);
  if (!account) throw new AntpoolError('user', `pool account ${accountId} not found`);
  const owner = account.apiKey ? account : account.parentId ? await loadAccountRow(db, account.parentId) : null;
  if (!owner?.apiKey || !owner.secretEnc) throw new AntpoolError('api_key', `pool account ${account.userId} has no API key (own or parent's)`);
  const opts = { ...testOverrides, ...over };
  const baseUrl = opts.baseUrl ?? env().antpool.baseUrl;
  if (env().demoMode && !isLoopback(baseUrl)) throw new AntpoolError('network', 'demo mode only talks to a local pool server (set ANTPOOL_BASE_URL to 127.0.0.1)');
  const secret = decryptSecret(owner.secretEnc, { orgId: owner.orgId, userId: owner.userId });
  const client = new AntpoolClient({ budget: defaultBudget(db), nonces: createNonceSource(db), ...opts, baseUrl, credentials: { userId: owner.userId, key: owner.apiKey, secret } });
  return { account, client, api: antpoolApi(client, account.coin) };
}
