import type { Funding, OpenInterest } from '@/lib/domain/market/intel';
import { fetchJson, type FetchOptions, positive, UpstreamError } from '@/lib/integrations/market/http';
import { finite, msToIso } from '@/lib/integrations/market-intel/parse';

/*
 * OKX API v5, public data (no key): GET /api/v5/public/funding-rate?instId=BTC-USDT-SWAP and
 * GET /api/v5/public/open-interest?instType=SWAP&instId=BTC-USDT-SWAP. Every reply is
 * { code, msg, data: [...] } with numbers as strings; code "0" is success, anything else an error
 * even under HTTP 200. The funding interval is read from fundingTime → nextFundingTime.
 */

export const OKX_INSTRUMENT = 'BTC-USDT-SWAP';

type Envelope<T> = { code?: string; msg?: string; data?: T[] };
type FundingRow = { instId?: string; fundingRate?: string; fundingTime?: string; nextFundingTime?: string; ts?: string };
type OiRow = { instId?: string; oi?: string; oiCcy?: string; oiUsd?: string; ts?: string };

function first<T extends { instId?: string }>(r: Envelope<T>, what: string): T {
  if (r.code !== '0') throw new UpstreamError(`okx ${what}: code ${r.code ?? '?'} ${r.msg ?? ''}`.trim());
  const row = r.data?.find((d) => d.instId === OKX_INSTRUMENT);
  if (!row) throw new UpstreamError(`okx ${what}: no ${OKX_INSTRUMENT} row`);
  return row;
}

export function createOkxClient(opts: { baseUrl: string; fetch?: FetchOptions }) {
  const get = <T>(path: string) => fetchJson<Envelope<T>>(`${opts.baseUrl}${path}`, opts.fetch);
  return {
    async funding(): Promise<Funding> {
      const row = first(await get<FundingRow>(`/api/v5/public/funding-rate?instId=${OKX_INSTRUMENT}`), 'funding-rate');
      const at = finite(row.fundingTime, 'okx fundingTime');
      const next = finite(row.nextFundingTime, 'okx nextFundingTime');
      const hours = (next - at) / 3_600_000;
      if (!(hours > 0 && hours <= 24)) throw new UpstreamError('okx funding interval out of range');
      return { instrument: OKX_INSTRUMENT, rate: finite(row.fundingRate, 'okx fundingRate'), intervalHours: hours, nextFundingAt: new Date(at).toISOString(), observedAt: msToIso(row.ts, 'okx ts') };
    },
    async openInterest(): Promise<OpenInterest> {
      const row = first(await get<OiRow>(`/api/v5/public/open-interest?instType=SWAP&instId=${OKX_INSTRUMENT}`), 'open-interest');
      return { instrument: OKX_INSTRUMENT, btc: positive(row.oiCcy, 'okx oiCcy'), usd: row.oiUsd ? positive(row.oiUsd, 'okx oiUsd') : null, observedAt: msToIso(row.ts, 'okx ts') };
    },
  };
}
