import type { StoredSnapshot } from '@/db/queries/market';
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

let override: MarketConfig | undefined;

/** Where the market clients fetch from: the configured public hosts, or a test's local fake server. */
export function marketConfig(): MarketConfig {
  return override ?? { ...env().market, history: latestStoredSnapshot };
}

export function setMarketConfigForTests(config: MarketConfig | undefined) {
  override = config;
}
