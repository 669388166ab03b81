import { env } from '@/lib/env';
import type { FetchOptions } from './http';

export type MarketConfig = {
  live: boolean;
  coingeckoUrl: string;
  mempoolUrl: string;
  blockchainInfoUrl: string;
  fetch?: FetchOptions;
};

let override: MarketConfig | undefined;

/** Where the market clients fetch from: the configured public hosts, or a test's local fake server. */
export function marketConfig(): MarketConfig {
  return override ?? env().market;
}

export function setMarketConfigForTests(config: MarketConfig | undefined) {
  override = config;
}
