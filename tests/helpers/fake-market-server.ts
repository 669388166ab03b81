import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { MarketConfig } from '@/lib/integrations/market/config';
import { type Reply, startReplayServer } from './replay-server';

export type { Reply };

const fixture = (name: string) => readFileSync(path.join(process.cwd(), 'tests', 'fixtures', 'market', name), 'utf8');

/** The recorded replies, by path (query strings ignored). CoinGecko, mempool.space and blockchain.info share one server under prefixes. */
export function recordedRoutes(): Record<string, Reply[]> {
  const json = (name: string): Reply[] => [{ body: fixture(name), type: 'application/json' }];
  const text = (name: string): Reply[] => [{ body: fixture(name), type: 'text/plain' }];
  return {
    '/cg/api/v3/simple/price': json('coingecko-simple-price.json'),
    '/mp/api/v1/prices': json('mempool-prices.json'),
    '/mp/api/v1/mining/hashrate/3d': json('mempool-hashrate-3d.json'),
    '/mp/api/v1/mining/reward-stats/144': json('mempool-reward-stats-144.json'),
    '/mp/api/v1/difficulty-adjustment': json('mempool-difficulty-adjustment.json'),
    '/mp/api/blocks/tip/height': text('mempool-tip-height.txt'),
    '/cg/api/v3/coins/bitcoin/market_chart': json('coingecko-market-chart-3d.json'),
    '/mp/api/v1/mining/hashrate/1m': json('mempool-hashrate-1m.json'),
    '/mp/api/v1/mining/blocks/fees/1m': json('mempool-blocks-fees-1m.json'),
    '/bc/q/getdifficulty': text('blockchain-getdifficulty.txt'),
    '/bc/q/getblockcount': text('blockchain-getblockcount.txt'),
  };
}

/** The recorded market replies served locally (tests/helpers/replay-server.ts) with a config pointing at them. */
export async function startFakeMarketServer() {
  const { base, ...server } = await startReplayServer(recordedRoutes);
  const config: MarketConfig = {
    live: true,
    coingeckoUrl: `${base}/cg`,
    mempoolUrl: `${base}/mp`,
    blockchainInfoUrl: `${base}/bc`,
    fetch: { timeoutMs: 1500, retries: 2, backoffMs: 10 },
  };
  return { config, ...server };
}
