import { getDb } from '@/db';
import type { Db } from '@/db/client';
import { type Antpool, createAntpool } from '@/lib/integrations/antpool/factory';
import { appMarket, type Market } from '@/lib/integrations/market/current';
import { type IntelConfig, intelConfigFromEnv } from '@/lib/integrations/market-intel/refresh';
import { createNotifier, type Notifier } from '@/lib/integrations/notify';
import type { RunTiming } from '@/lib/domain/power/curtailment/execution';
import { env } from '@/lib/env';
import { fetchPriceFeed, type ParsedPrices } from '@/lib/integrations/power-prices/feed';
import { assertPublicFeedUrl } from '@/lib/integrations/power-prices/feed-url-policy';

/** What every job gets in its context, and the only way a job reaches the world outside it. */
export type JobDeps = {
  db: Db;
  market: Market;
  /** Deribit, OKX and Binance public endpoints for the market-intelligence job; `live` false fetches nothing. */
  marketIntel: IntelConfig;
  antpool: Antpool;
  notifier: Notifier;
  now: () => Date;
  /** Reads a curtailment plan's HTTP power-price feed. */
  fetchPowerPrices: (url: string) => Promise<ParsedPrices>;
  /** When a curtailment's reduction and recovery are checked; the execution defaults when absent. */
  curtailmentTiming?: RunTiming;
};

/** The app's own: its database, the configured market sources, pool, SMTP server and webhook policy. */
export async function appJobDeps(): Promise<JobDeps> {
  return { db: await getDb(), market: appMarket(), marketIntel: intelConfigFromEnv(), antpool: createAntpool(), notifier: createNotifier(), now: () => new Date(), fetchPowerPrices: guardedPriceFeed, curtailmentTiming: env().curtailmentTiming };
}

/**
 * A plan's feed URL is checked again before each read, not only when saved: its name may since resolve
 * elsewhere. (The check and the connection resolve separately, so a rebinding DNS server could still
 * answer differently in between; the webhooks' guardedPost closes that gap in the socket's lookup.)
 */
async function guardedPriceFeed(url: string): Promise<ParsedPrices> {
  await assertPublicFeedUrl(url, { allowLoopback: env().powerFeedAllowLoopback });
  return fetchPriceFeed(url);
}
