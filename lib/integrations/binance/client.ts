import type { Funding, OpenInterest } from '@/lib/domain/market/intel';
import { fetchJson, type FetchOptions, positive, UpstreamError } from '@/lib/integrations/market/http';
import { finite, msToIso } from '@/lib/integrations/market-intel/parse';

/*
 * Binance USDⓈ-M futures, public market data (no key): GET /fapi/v1/premiumIndex?symbol=BTCUSDT
 * (mark price, lastFundingRate, nextFundingTime, time) and GET /fapi/v1/openInterest?symbol=BTCUSDT
 * (openInterest in BTC, time). BTCUSDT funds every 8 hours; the reply does not say so, the
 * contract's terms do.
 */

export const BINANCE_SYMBOL = 'BTCUSDT';
const FUNDING_HOURS = 8;

type PremiumIndex = { symbol?: string; markPrice?: string; lastFundingRate?: string; nextFundingTime?: number; time?: number };
type OpenInterestReply = { symbol?: string; openInterest?: string; time?: number };

export function createBinanceClient(opts: { baseUrl: string; fetch?: FetchOptions }) {
  const get = <T>(path: string) => fetchJson<T>(`${opts.baseUrl}${path}`, opts.fetch);
  return {
    async funding(): Promise<Funding & { markPriceUsd: number }> {
      const r = await get<PremiumIndex>(`/fapi/v1/premiumIndex?symbol=${BINANCE_SYMBOL}`);
      if (r.symbol !== BINANCE_SYMBOL) throw new UpstreamError('binance premiumIndex: not the BTCUSDT contract');
      return {
        instrument: BINANCE_SYMBOL,
        rate: finite(r.lastFundingRate, 'binance lastFundingRate'),
        intervalHours: FUNDING_HOURS,
        nextFundingAt: r.nextFundingTime ? msToIso(r.nextFundingTime, 'binance nextFundingTime') : null,
        observedAt: msToIso(r.time, 'binance time'),
        markPriceUsd: positive(r.markPrice, 'binance markPrice'),
      };
    },
    /** Open interest in BTC; in USD at the mark price when one is given. */
    async openInterest(markPriceUsd: number | null): Promise<OpenInterest> {
      const r = await get<OpenInterestReply>(`/fapi/v1/openInterest?symbol=${BINANCE_SYMBOL}`);
      if (r.symbol !== BINANCE_SYMBOL) throw new UpstreamError('binance openInterest: not the BTCUSDT contract');
      const btc = positive(r.openInterest, 'binance openInterest');
      return { instrument: BINANCE_SYMBOL, btc, usd: markPriceUsd === null ? null : btc * markPriceUsd, observedAt: msToIso(r.time, 'binance time') };
    },
  };
}
