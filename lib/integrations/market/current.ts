import type { NetworkSnapshot } from '@/lib/domain/mining/network';
import { bundledSnapshot } from './bundled';
import { appMarketStore, type CacheEntry, type MarketStore } from './cache';
import { type MarketConfig, marketConfigFromEnv } from './config';
import { fetchLiveValues, type MarketValues, toSnapshot } from './live';
import { storedToSnapshot } from './stored';
import { recordCache } from '@/lib/observability/metrics';

const KEY = 'market:network:v1';
/** Served as is for a minute; after that served while a refresh runs in the background. */
export const FRESH_MS = 60_000;
/** Older observations are labelled stale in the UI. */
export const STALE_AFTER_MS = 15 * 60_000;
/** How long a cold request waits for the first live fetch before answering from the fallback. */
export const COLD_WAIT_MS = 3_000;
const KEEP_S = 30 * 24 * 3600;

/** Network and market values from one set of sources through one cache. */
export type Market = {
  readonly config: MarketConfig;
  /**
   * The current values, stale-while-revalidate: a fresh cache hit answers at once; an old one
   * answers at once and triggers one background refresh; with nothing cached the first live fetch
   * is awaited (bounded by COLD_WAIT_MS). With no network and nothing cached the newest stored
   * snapshot answers, else the bundled one, each labelled with its date. Never throws.
   */
  current(): Promise<NetworkSnapshot>;
  /** Fetches live values and caches them; concurrent callers share one fetch. Null when the sources are unreachable. */
  refresh(previous: MarketValues | null): Promise<MarketValues | null>;
  /** The cached values and when they were stored, for jobs that want the raw observations. */
  cached(): Promise<CacheEntry<MarketValues> | null>;
};

export function createMarket({ config, store }: { config: MarketConfig; store: MarketStore }): Market {
  let inFlight: Promise<MarketValues | null> | undefined;
  const cached = () => store.get<MarketValues>(KEY).catch(() => null);

  const refresh = (previous: MarketValues | null) => {
    inFlight ??= (async () => {
      try {
        const values = await fetchLiveValues(config, previous);
        await store.set(KEY, { value: values, storedAt: Date.now() }, KEEP_S).catch(() => undefined);
        return values;
      } catch {
        return null;
      } finally {
        inFlight = undefined;
      }
    })();
    return inFlight;
  };

  const current = async (): Promise<NetworkSnapshot> => {
    const hit = await cached();
    recordCache('market', hit !== null);
    const now = Date.now();
    if (hit) {
      if (config.live && now - hit.storedAt > FRESH_MS) void refresh(hit.value);
      return toSnapshot(hit.value, 'cache', now - Date.parse(observedAt(hit.value)) > STALE_AFTER_MS);
    }
    if (config.live) {
      const fresh = await Promise.race([refresh(null), delay(COLD_WAIT_MS)]);
      if (fresh) return toSnapshot(fresh, 'live', false);
    }
    const stored = await config.history?.().catch(() => null);
    return stored ? storedToSnapshot(stored, STALE_AFTER_MS) : bundledSnapshot();
  };

  return { config, current, refresh, cached };
}

// On globalThis so dev-server reloads share one market (and its single in-flight refresh).
const holder = globalThis as unknown as { __hiMarket?: Market };

/** The app's market: the configured sources and the shared cache, built once per process. */
export function appMarket(): Market {
  holder.__hiMarket ??= createMarket({ config: marketConfigFromEnv(), store: appMarketStore() });
  return holder.__hiMarket;
}

/** What pages show: the app market's current values. */
export function getCurrentNetwork(): Promise<NetworkSnapshot> {
  return appMarket().current();
}

function observedAt(v: MarketValues): string {
  return v.price.at < v.network.at ? v.price.at : v.network.at;
}

function delay(ms: number): Promise<null> {
  return new Promise((resolve) => setTimeout(() => resolve(null), ms).unref?.());
}
