import { getDb } from '@/db';
import type { Db } from '@/db/client';
import { type Antpool, createAntpool } from '@/lib/integrations/antpool/factory';
import { appMarket, type Market } from '@/lib/integrations/market/current';
import { createNotifier, type Notifier } from '@/lib/integrations/notify';
import type { RunTiming } from '@/lib/domain/power/curtailment/execution';
import { env } from '@/lib/env';
import { fetchPriceFeed, type ParsedPrices } from '@/lib/integrations/power-prices/feed';

/** What every job gets in its context, and the only way a job reaches the world outside it. */
export type JobDeps = {
  db: Db;
  market: Market;
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
  return { db: await getDb(), market: appMarket(), antpool: createAntpool(), notifier: createNotifier(), now: () => new Date(), fetchPowerPrices: (url) => fetchPriceFeed(url), curtailmentTiming: env().curtailmentTiming };
}
