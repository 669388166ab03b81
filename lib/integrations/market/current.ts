import type { NetworkSnapshot } from '@/lib/domain/mining/network';
import { bundledSnapshot } from './bundled';
import { marketStore } from './cache';
import { type MarketConfig, marketConfig } from './config';
import { fetchLiveValues, type MarketValues, toSnapshot } from './live';
import { storedToSnapshot } from './stored';

const KEY = 'market:network:v1';
/** Served as is for a minute; after that served while a refresh runs in the background. */
export const FRESH_MS = 60_000;
/** Older observations are labelled stale in the UI. */
export const STALE_AFTER_MS = 15 * 60_000;
/** How long a cold request waits for the first live fetch before answering from the fallback. */
export const COLD_WAIT_MS = 3_000;
const KEEP_S = 30 * 24 * 3600;

const holder = globalThis as unknown as { __hiMarketRefresh?: Promise<MarketValues | null> };

/**
 * The current network and market values, stale-while-revalidate: a fresh cache hit answers at
 * once; an old one answers at once and triggers one background refresh; with nothing cached the
 * first live fetch is awaited (bounded by COLD_WAIT_MS). With no network and nothing cached the
 * newest stored snapshot answers, else the bundled one, each labelled with its date. Never throws.
 */
export async function getCurrentNetwork(): Promise<NetworkSnapshot> {
  const config = marketConfig();
  const cached = await marketStore()
    .get<MarketValues>(KEY)
    .catch(() => null);
  const now = Date.now();
  if (cached) {
    if (config.live && now - cached.storedAt > FRESH_MS) void refreshNetwork(config, cached.value);
    return toSnapshot(cached.value, 'cache', now - Date.parse(observedAt(cached.value)) > STALE_AFTER_MS);
  }
  if (config.live) {
    const fresh = await Promise.race([refreshNetwork(config, null), delay(COLD_WAIT_MS)]);
    if (fresh) return toSnapshot(fresh, 'live', false);
  }
  const stored = await config.history?.().catch(() => null);
  return stored ? storedToSnapshot(stored, STALE_AFTER_MS) : bundledSnapshot();
}

/** Fetches live values and stores them in the cache; concurrent callers share one fetch. Null when the sources are unreachable. */
export function refreshNetwork(config: MarketConfig, previous: MarketValues | null): Promise<MarketValues | null> {
  holder.__hiMarketRefresh ??= (async () => {
    try {
      const values = await fetchLiveValues(config, previous);
      await marketStore()
        .set(KEY, { value: values, storedAt: Date.now() }, KEEP_S)
        .catch(() => undefined);
      return values;
    } catch {
      return null;
    } finally {
      holder.__hiMarketRefresh = undefined;
    }
  })();
  return holder.__hiMarketRefresh;
}

/** The cached values and when they were stored, for jobs that want the raw observations. */
export async function cachedValues(): Promise<{ value: MarketValues; storedAt: number } | null> {
  return marketStore()
    .get<MarketValues>(KEY)
    .catch(() => null);
}

function observedAt(v: MarketValues): string {
  return v.price.at < v.network.at ? v.price.at : v.network.at;
}

function delay(ms: number): Promise<null> {
  return new Promise((resolve) => setTimeout(() => resolve(null), ms).unref?.());
}
