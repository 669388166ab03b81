import { integrationOf, recordExternal } from '@/lib/observability/metrics';

/** Options for one call to a public API: each attempt is cut at `timeoutMs`, then retried with a doubling pause. */
export type FetchOptions = { timeoutMs?: number; retries?: number; backoffMs?: number };

export class UpstreamError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

const DEFAULTS = { timeoutMs: 4_000, retries: 2, backoffMs: 250 };

/**
 * GET a URL and return its body. A 4xx other than 429 is not retried (asking again will not fix
 * it); timeouts, network errors, 429 and 5xx are, with exponential backoff.
 */
export async function fetchText(url: string, opts: FetchOptions = {}): Promise<string> {
  const { timeoutMs, retries, backoffMs } = { ...DEFAULTS, ...opts };
  let last: unknown;
  for (let attempt = 0; attempt <= retries; attempt++) {
    if (attempt > 0) await sleep(backoffMs * 2 ** (attempt - 1));
    const started = performance.now();
    // Each attempt is one call on the monitoring page (lib/observability): its host, time and outcome.
    const observe = (ok: boolean, error: string | null) => recordExternal({ integration: integrationOf(url), at: new Date(), ms: performance.now() - started, ok, error });
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'application/json, text/plain' }, cache: 'no-store' });
      const body = await res.text();
      observe(res.ok, res.ok ? null : `HTTP ${res.status}`);
      if (res.ok) return body;
      last = new UpstreamError(`${url} answered ${res.status}`, res.status);
      if (res.status < 500 && res.status !== 429) break;
    } catch (error) {
      observe(false, error instanceof Error ? error.name : 'error');
      last = error;
    }
  }
  throw last instanceof UpstreamError ? last : new UpstreamError(`${url} failed: ${last instanceof Error ? last.message : String(last)}`);
}

export async function fetchJson<T>(url: string, opts?: FetchOptions): Promise<T> {
  const text = await fetchText(url, opts);
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new UpstreamError(`${url} sent a body that is not JSON`);
  }
}

/** A finite positive number, or an error naming what was wrong, so a malformed reply never becomes a value. */
export function positive(value: unknown, what: string): number {
  const n = typeof value === 'string' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n) || n <= 0) throw new UpstreamError(`${what} missing or not a positive number`);
  return n;
}

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
