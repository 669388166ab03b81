import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { IntelConfig } from '@/lib/integrations/market-intel/refresh';
import { type Reply, startReplayServer } from './replay-server';

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

/** The intel replies served locally (tests/helpers/replay-server.ts), query strings recorded per path, with a config pointing at them. */
export async function startFakeIntelServer() {
  const { base, ...server } = await startReplayServer(intelRoutes);
  const config: IntelConfig = { live: true, binanceUrl: `${base}/bn`, okxUrl: `${base}/okx`, deribitUrl: `${base}/drb`, fetch: { timeoutMs: 3000, retries: 2, backoffMs: 5 } };
  return { config, ...server };
}
