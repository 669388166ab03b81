import type { RateBudget } from './budget';
import { AntpoolError, errorFromCode } from './errors';
import type { NonceSource } from './nonce';
import { antpoolSignature } from './signature';
import { integrationOf, recordExternal } from '@/lib/observability/metrics';

export type AntpoolCredentials = { userId: string; key: string; secret: string };
export type AntpoolClientOptions = {
  baseUrl: string;
  credentials: AntpoolCredentials;
  budget: RateBudget;
  /** Shared by every instance (createNonceSource), like the budget. */
  nonces: NonceSource;
  timeoutMs?: number;
  maxAttempts?: number;
  baseDelayMs?: number;
  /** The longest a call waits for a budget slot before failing with kind 'budget'. */
  maxBudgetWaitMs?: number;
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => Date;
};

export type CallOptions = { accountId?: string | null };

const realSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

// Requests on one key go out one at a time, in nonce order, so the pool never sees a smaller nonce
// after a larger one. Shared by every client in the process; another instance's request on the same
// key can still overtake one in flight here, and the −18 it then gets is retried with a new nonce.
const keyQueues = new Map<string, Promise<unknown>>();
function serialise<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const prev = keyQueues.get(key) ?? Promise.resolve();
  const run = prev.then(fn, fn);
  const tail = run.catch(() => undefined);
  keyQueues.set(key, tail);
  void tail.then(() => keyQueues.get(key) === tail && keyQueues.delete(key));
  return run;
}

/**
 * Antpool user API client: signed form POSTs, envelope unwrapping into AntpoolError, timeouts,
 * retries with exponential backoff and full jitter on transient failures only, and the shared
 * budget taken before every attempt (each attempt is a request Antpool counts).
 */
export class AntpoolClient {
  private readonly o: Required<Omit<AntpoolClientOptions, 'credentials' | 'budget' | 'nonces' | 'baseUrl'>> & AntpoolClientOptions;
  calls = 0;
  /** The pool's clock as of the last reply (its Date header), for the clock check. */
  lastServerDate: Date | null = null;

  constructor(opts: AntpoolClientOptions) {
    this.o = {
      timeoutMs: 15_000,
      maxAttempts: 4,
      baseDelayMs: 500,
      maxBudgetWaitMs: 120_000,
      random: Math.random,
      sleep: realSleep,
      now: () => new Date(),
      ...opts,
    };
  }

  async call<T = unknown>(endpoint: string, params: Record<string, string | number | undefined>, opts: CallOptions = {}): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.attempt<T>(endpoint, params, attempt, opts);
      } catch (e) {
        const err = e instanceof AntpoolError ? e : new AntpoolError('network', String(e));
        if (!err.retryable || attempt >= this.o.maxAttempts) throw err;
        const cap = this.o.baseDelayMs * 2 ** (attempt - 1);
        await this.o.sleep(Math.round(cap / 2 + this.o.random() * (cap / 2)));
      }
    }
  }

  private async slot(endpoint: string, attempt: number, accountId: string | null | undefined) {
    let waited = 0;
    for (;;) {
      const r = await this.o.budget.reserve({ endpoint, accountId, attempt }, this.o.now());
      if ('id' in r) return r;
      if (waited + r.waitMs > this.o.maxBudgetWaitMs) throw new AntpoolError('budget', `Antpool budget of ${this.o.budget.limit} calls per 10 minutes is used up`);
      await this.o.sleep(r.waitMs);
      waited += r.waitMs;
    }
  }

  private attempt<T>(endpoint: string, params: Record<string, string | number | undefined>, attempt: number, opts: CallOptions): Promise<T> {
    const { userId, key, secret } = this.o.credentials;
    return serialise(key, async () => {
      const slot = await this.slot(endpoint, attempt, opts.accountId);
      const nonce = await this.o.nonces(key);
      const body = new URLSearchParams({ key, nonce: String(nonce), signature: antpoolSignature(secret, userId, key, nonce) });
      for (const [k, v] of Object.entries(params)) if (v !== undefined) body.set(k, String(v));
      const started = performance.now();
      this.calls++;
      let httpStatus: number | undefined;
      let apiCode: number | undefined;
      try {
        const res = await fetch(`${this.o.baseUrl.replace(/\/$/, '')}/api/${endpoint}.htm`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body,
          signal: AbortSignal.timeout(this.o.timeoutMs),
        });
        httpStatus = res.status;
        const date = res.headers.get('date');
        if (date && !Number.isNaN(Date.parse(date))) this.lastServerDate = new Date(date);
        const text = await res.text();
        if (!res.ok) throw new AntpoolError('http', `HTTP ${res.status} from ${endpoint}`, undefined, res.status);
        let json: { code?: number; message?: string; data?: unknown };
        try {
          json = JSON.parse(text);
        } catch {
          throw new AntpoolError('malformed', `${endpoint} did not return JSON`);
        }
        apiCode = Number(json.code);
        if (apiCode !== 0) throw errorFromCode(apiCode, json.message ?? '');
        await this.o.budget.complete(slot.id, { status: 'ok', httpStatus, apiCode, ms: Math.round(performance.now() - started) });
        recordExternal({ integration: integrationOf(this.o.baseUrl), at: new Date(), ms: performance.now() - started, ok: true, error: null });
        return json.data as T;
      } catch (e) {
        const err = toAntpoolError(e, endpoint, this.o.timeoutMs);
        await this.o.budget.complete(slot.id, { status: 'error', httpStatus, apiCode, ms: Math.round(performance.now() - started), error: `${err.kind}: ${err.message}` });
        recordExternal({ integration: integrationOf(this.o.baseUrl), at: new Date(), ms: performance.now() - started, ok: false, error: err.kind });
        throw err;
      }
    });
  }
}

function toAntpoolError(e: unknown, endpoint: string, timeoutMs: number): AntpoolError {
  if (e instanceof AntpoolError) return e;
  const name = (e as { name?: string })?.name;
  if (name === 'TimeoutError' || name === 'AbortError') return new AntpoolError('timeout', `${endpoint} timed out after ${timeoutMs} ms`);
  return new AntpoolError('network', `${endpoint}: ${(e as Error)?.message ?? String(e)}`);
}
