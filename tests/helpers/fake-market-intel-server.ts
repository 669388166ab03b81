import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { IntelConfig } from '@/lib/integrations/market-intel/refresh';
import type { Reply } from './fake-market-server';

const fixture = (name: string) => readFileSync(path.join(process.cwd(), 'tests', 'fixtures', 'market-intel', name), 'utf8');

/**
 * The hand-written replies (tests/fixtures/market-intel: shaped from each vendor's documentation,
 * not captures), by path. Binance, OKX and Deribit share one server under prefixes.
 */
export function intelRoutes(): Record<string, Reply[]> {
  const json = (name: string): Reply[] => [{ body: fixture(name), type: 'application/json' }];
  return {
    '/bn/fapi/v1/premiumIndex': json('binance-premium-index.json'),
    '/bn/fapi/v1/openInterest': json('binance-open-interest.json'),
    '/okx/api/v5/public/funding-rate': json('okx-funding-rate.json'),
    '/okx/api/v5/public/open-interest': json('okx-open-interest.json'),
    '/drb/api/v2/public/ticker': json('deribit-ticker-btc-perpetual.json'),
    '/drb/api/v2/public/get_book_summary_by_currency': json('deribit-book-summary-btc-option.json'),
  };
}

/** A local server on 127.0.0.1 replaying those replies; `routes[path]` is a queue whose last reply repeats. Query strings are recorded per path. */
export async function startFakeIntelServer() {
  const routes = intelRoutes();
  const hits: Record<string, number> = {};
  const queries: Record<string, string[]> = {};
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    hits[url.pathname] = (hits[url.pathname] ?? 0) + 1;
    (queries[url.pathname] ??= []).push(url.search);
    const queue = routes[url.pathname];
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
  const config: IntelConfig = { live: true, binanceUrl: `${base}/bn`, okxUrl: `${base}/okx`, deribitUrl: `${base}/drb`, fetch: { timeoutMs: 3000, retries: 2, backoffMs: 5 } };
  return {
    config,
    hits,
    queries,
    set(pathname: string, replies: Reply[]) {
      routes[pathname] = replies;
    },
    reset() {
      Object.assign(routes, intelRoutes());
      for (const k of Object.keys(hits)) delete hits[k];
      for (const k of Object.keys(queries)) delete queries[k];
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
