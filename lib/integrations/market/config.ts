import type { StoredSnapshot } from '@/db/queries/market/snapshots';
import { env } from '@/lib/env';
import type { FetchOptions } from './http';
import { latestStoredSnapshot } from './stored';

export type MarketConfig = {
  live: boolean;
  coingeckoUrl: string;
  mempoolUrl: string;
  blockchainInfoUrl: string;
  fetch?: FetchOptions;
  /** The newest stored snapshot, the fallback before the bundled one when nothing is cached. */
  history?: () => Promise<StoredSnapshot | null>;
};

/** The configured public hosts, with the app's own stored history as the offline fallback. */
export function marketConfigFromEnv(): MarketConfig {
  return { ...env().market, history: latestStoredSnapshot };
}
