import { type Funding, type IvPoint, ivTermStructure, type OpenInterest, type OptionSummary } from '@/lib/domain/market/intel';
import { fetchJson, type FetchOptions, positive, UpstreamError } from '@/lib/integrations/market/http';
import { finite, msToIso } from '@/lib/integrations/market-intel/parse';

/*
 * Deribit API v2, public methods over HTTP GET (no key), JSON-RPC envelopes { jsonrpc, result, usIn,
 * usOut, ... } or { error: { code, message } }:
 *  - /api/v2/public/ticker?instrument_name=BTC-PERPETUAL: funding_8h (the perpetual's funding over
 *    the last 8 hours, a fraction; Deribit funds continuously), open_interest (for the perpetual in
 *    USD), mark_price, timestamp (ms);
 *  - /api/v2/public/get_book_summary_by_currency?currency=BTC&kind=option: one row per option with
 *    mark_iv (percent), underlying_price, creation_timestamp (ms) → the ATM IV term structure.
 */

export const DERIBIT_PERPETUAL = 'BTC-PERPETUAL';

type Rpc<T> = { jsonrpc?: string; result?: T; error?: { code?: number; message?: string } };
type Ticker = { instrument_name?: string; funding_8h?: number; open_interest?: number; mark_price?: number; timestamp?: number };
type BookRow = { instrument_name?: string; mark_iv?: number | null; underlying_price?: number | null; creation_timestamp?: number };

function unwrap<T>(r: Rpc<T>, what: string): T {
  if (r.error || r.result === undefined) throw new UpstreamError(`deribit ${what}: ${r.error?.message ?? 'no result'}`);
  return r.result;
}

export function createDeribitClient(opts: { baseUrl: string; fetch?: FetchOptions }) {
  const get = <T>(path: string) => fetchJson<Rpc<T>>(`${opts.baseUrl}/api/v2/public/${path}`, opts.fetch);
  return {
    /** The perpetual's funding (8-hour rate) and open interest (USD, and BTC at the mark price), from one ticker call. */
    async perpetual(): Promise<{ funding: Funding; openInterest: OpenInterest }> {
      const t = unwrap(await get<Ticker>(`ticker?instrument_name=${DERIBIT_PERPETUAL}`), 'ticker');
      if (t.instrument_name !== DERIBIT_PERPETUAL) throw new UpstreamError('deribit ticker: not BTC-PERPETUAL');
      const observedAt = msToIso(t.timestamp, 'deribit timestamp');
      const usd = positive(t.open_interest, 'deribit open_interest');
      const mark = positive(t.mark_price, 'deribit mark_price');
      return {
        funding: { instrument: DERIBIT_PERPETUAL, rate: finite(t.funding_8h, 'deribit funding_8h'), intervalHours: 8, nextFundingAt: null, observedAt },
        openInterest: { instrument: DERIBIT_PERPETUAL, btc: usd / mark, usd, observedAt },
      };
    },
    /** ATM implied volatility by expiry from every BTC option's book summary; observedAt is the newest row's time. */
    async ivTerm(now: Date): Promise<{ points: IvPoint[]; observedAt: string }> {
      const rows = unwrap(await get<BookRow[]>('get_book_summary_by_currency?currency=BTC&kind=option'), 'book summary');
      if (!Array.isArray(rows) || rows.length === 0) throw new UpstreamError('deribit book summary: no options');
      const options: OptionSummary[] = rows.map((r) => ({ instrumentName: String(r.instrument_name ?? ''), markIvPct: typeof r.mark_iv === 'number' ? r.mark_iv : null, underlyingPrice: typeof r.underlying_price === 'number' ? r.underlying_price : null }));
      const points = ivTermStructure(options, now);
      if (points.length === 0) throw new UpstreamError('deribit book summary: no quotable expiry');
      const newest = Math.max(...rows.map((r) => (typeof r.creation_timestamp === 'number' ? r.creation_timestamp : 0)));
      return { points, observedAt: msToIso(newest, 'deribit creation_timestamp') };
    },
  };
}
