import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { MarketConfig } from '@/lib/integrations/market/config';

export type Reply = { status?: number; body?: string; delayMs?: number; type?: string };

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

/**
 * A local HTTP server on 127.0.0.1 (random port) replaying recorded market replies. `routes[path]`
 * is a queue: each request takes the first reply, the last one repeats. Hits are counted per path.
 */
export async function startFakeMarketServer() {
  const routes: Record<string, Reply[]> = recordedRoutes();
  const hits: Record<string, number> = {};
  const server: Server = createServer((req, res) => {
    const p = new URL(req.url ?? '/', 'http://x').pathname;
    hits[p] = (hits[p] ?? 0) + 1;
    const queue = routes[p];
    const reply = queue && queue.length > 1 ? queue.shift()! : queue?.[0];
    const send = () => {
      if (!reply) {
        res.writeHead(404).end('not found');
        return;
      }
      res.writeHead(reply.status ?? 200, { 'content-type': reply.type ?? 'application/json' }).end(reply.body ?? '');
    };
    if (reply?.delayMs) setTimeout(send, reply.delayMs);
    else send();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const config: MarketConfig = {
    live: true,
    coingeckoUrl: `${base}/cg`,
    mempoolUrl: `${base}/mp`,
    blockchainInfoUrl: `${base}/bc`,
    fetch: { timeoutMs: 1500, retries: 2, backoffMs: 10 },
  };
  return {
    config,
    hits,
    /** Replace the replies of one path (a queue; the last one repeats). */
    set(pathname: string, replies: Reply[]) {
      routes[pathname] = replies;
    },
    reset() {
      Object.assign(routes, recordedRoutes());
      for (const k of Object.keys(hits)) delete hits[k];
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
