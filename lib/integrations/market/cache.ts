import { Redis } from '@upstash/redis';
import { env } from '@/lib/env';

export type CacheEntry<T> = { value: T; storedAt: number };

/** A key-value store for the SWR cache: Upstash Redis when configured (shared by all instances), else in-process. */
export interface MarketStore {
  get<T>(key: string): Promise<CacheEntry<T> | null>;
  set<T>(key: string, entry: CacheEntry<T>, ttlSeconds: number): Promise<void>;
}

export class MemoryStore implements MarketStore {
  private map = new Map<string, { entry: CacheEntry<unknown>; expires: number }>();
  async get<T>(key: string) {
    const hit = this.map.get(key);
    if (!hit || hit.expires < Date.now()) return null;
    return hit.entry as CacheEntry<T>;
  }
  async set<T>(key: string, entry: CacheEntry<T>, ttlSeconds: number) {
    this.map.set(key, { entry, expires: Date.now() + ttlSeconds * 1000 });
  }
}

class UpstashStore implements MarketStore {
  constructor(private redis: Redis) {}
  async get<T>(key: string) {
    return (await this.redis.get<CacheEntry<T>>(key)) ?? null;
  }
  async set<T>(key: string, entry: CacheEntry<T>, ttlSeconds: number) {
    await this.redis.set(key, entry, { ex: ttlSeconds });
  }
}

// On globalThis so dev-server reloads keep the warm cache.
const holder = globalThis as unknown as { __hiMarketStore?: MarketStore };

/** The app's store, built from the configuration once per process. */
export function appMarketStore(): MarketStore {
  if (!holder.__hiMarketStore) {
    const redis = env().redis;
    holder.__hiMarketStore = redis ? new UpstashStore(new Redis({ url: redis.url, token: redis.token })) : new MemoryStore();
  }
  return holder.__hiMarketStore;
}
