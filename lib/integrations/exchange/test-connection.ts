import { createHmac } from 'node:crypto';

/** Exchanges whose keys the wizard stores; `binance` has a signed read-only endpoint to test a key against. */
export const EXCHANGES = ['binance', 'okx', 'kraken', 'other'] as const;
export type Exchange = (typeof EXCHANGES)[number];
export const TESTABLE_EXCHANGES: readonly Exchange[] = ['binance'];

export const EXCHANGE_BASE_URL: Partial<Record<Exchange, string>> = { binance: 'https://api.binance.com' };

export type ConnectionTest = { ok: true } | { ok: false; reason: 'unsupported' | 'rejected' | 'unreachable' };

/**
 * A read-only, signed request with the key (Binance's GET /api/v3/account: HMAC-SHA256 of the query
 * under the secret, the key in X-MBX-APIKEY). Only the outcome comes back; the exchange's answer,
 * which may echo the key, is never returned or logged.
 */
export async function testExchangeConnection(input: { exchange: Exchange; apiKey: string; apiSecret: string }, opts: { baseUrl?: string; timeoutMs?: number; now?: Date } = {}): Promise<ConnectionTest> {
  const base = opts.baseUrl ?? EXCHANGE_BASE_URL[input.exchange];
  if (!TESTABLE_EXCHANGES.includes(input.exchange) || !base) return { ok: false, reason: 'unsupported' };
  const query = `timestamp=${(opts.now ?? new Date()).getTime()}&recvWindow=10000`;
  const signature = createHmac('sha256', input.apiSecret).update(query, 'utf8').digest('hex');
  try {
    const res = await fetch(`${base.replace(/\/+$/, '')}/api/v3/account?${query}&signature=${signature}`, {
      headers: { 'X-MBX-APIKEY': input.apiKey },
      signal: AbortSignal.timeout(opts.timeoutMs ?? 8000),
      redirect: 'error',
    });
    await res.body?.cancel();
    return res.ok ? { ok: true } : { ok: false, reason: 'rejected' };
  } catch {
    return { ok: false, reason: 'unreachable' };
  }
}
