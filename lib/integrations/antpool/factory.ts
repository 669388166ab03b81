import { Redis } from '@upstash/redis';
import type { Db } from '@/db/client';
import { loadAccountRow } from '@/db/queries/pool/accounts';
import { env } from '@/lib/env';
import { type AntpoolApi, antpoolApi } from './api';
import { DbRateBudget, type RateBudget } from './budget';
import { AntpoolClient, type AntpoolClientOptions } from './client';
import { AntpoolError } from './errors';
import { createNonceSource } from './nonce';
import { RedisRateBudget } from './redis-budget';
import { decryptSecret } from './secrets';

export type AntpoolOptions = Partial<Omit<AntpoolClientOptions, 'credentials'>>;

type AccountRow = NonNullable<Awaited<ReturnType<typeof loadAccountRow>>>;

/** Clients for the stored pool accounts, all against one base URL. */
export type Antpool = {
  readonly baseUrl: string;
  /**
   * A client for one stored account: its own key when it has one, otherwise its parent's key with
   * `userId` naming the sub-account. The demo never talks to anything but a local pool server.
   */
  clientForAccount(db: Db, accountId: string, over?: AntpoolOptions): Promise<{ account: AccountRow; client: AntpoolClient; api: AntpoolApi }>;
  /** The request budget every client of the installation shares. */
  budget(db: Db): RateBudget;
};

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
 * Antpool for the configured base URL (ANTPOOL_BASE_URL); `options` point it elsewhere (a local
 * fake server) or tune the clients (backoff, timeouts) for every account it opens.
 */
export function createAntpool(options: AntpoolOptions = {}): Antpool {
  const baseUrl = options.baseUrl ?? env().antpool.baseUrl;
  return {
    baseUrl,
    budget: defaultBudget,
    async clientForAccount(db, accountId, over = {}) {
      const account = await loadAccountRow(db, accountId);
      if (!account) throw new AntpoolError('user', `pool account ${accountId} not found`);
      const owner = account.apiKey ? account : account.parentId ? await loadAccountRow(db, account.parentId) : null;
      if (!owner?.apiKey || !owner.secretEnc) throw new AntpoolError('api_key', `pool account ${account.userId} has no API key (own or parent's)`);
      const opts = { ...options, ...over, baseUrl: over.baseUrl ?? baseUrl };
      if (env().demoMode && !isLoopback(opts.baseUrl)) throw new AntpoolError('network', 'demo mode only talks to a local pool server (set ANTPOOL_BASE_URL to 127.0.0.1)');
      const secret = decryptSecret(owner.secretEnc, { orgId: owner.orgId, userId: owner.userId });
      const client = new AntpoolClient({ budget: defaultBudget(db), nonces: createNonceSource(db), ...opts, credentials: { userId: owner.userId, key: owner.apiKey, secret } });
      return { account, client, api: antpoolApi(client, account.coin) };
    },
  };
}
