import { env } from '@/lib/env';
import { BlockedDestinationError, guardedPost, TimeoutError } from './guarded-post';
import { DELIVERY_HEADER, SIGNATURE_HEADER, signBody, TIMESTAMP_HEADER } from './signature';
import type { AttemptOutcome } from './types';

export type WebhookOptions = {
  /** Per attempt. */
  timeoutMs?: number;
  /** Attempts in total, the first included. */
  maxAttempts?: number;
  /** Wait before retry n (1-based) is backoffMs · 2^(n−1). */
  backoffMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Lets deliveries reach loopback and private networks (tests, or an on-premises receiver). Default: WEBHOOK_ALLOW_PRIVATE_NETWORKS. */
  allowPrivateNetworks?: boolean;
};

const DEFAULTS = { timeoutMs: 5_000, maxAttempts: 4, backoffMs: 1_000 };

/** POSTs a JSON body signed with our HMAC header (the `signed` format). */
export async function postWebhook(input: { url: string; secret: string; body: string; deliveryId: string; timestamp: number }, opts: WebhookOptions = {}): Promise<AttemptOutcome> {
  return postJson(
    {
      url: input.url,
      body: input.body,
      headers: { [SIGNATURE_HEADER]: signBody(input.body, input.secret), [TIMESTAMP_HEADER]: String(input.timestamp), [DELIVERY_HEADER]: input.deliveryId },
    },
    opts,
  );
}

/**
 * POSTs a JSON body (signed by the caller's headers, or a chat service's body whose URL is the
 * secret). Server errors (5xx), 429, timeouts and network failures are retried with exponential
 * backoff; any other 4xx is the receiver's final answer and is not retried.
 */
export async function postJson(input: { url: string; body: string; headers?: Record<string, string> }, opts: WebhookOptions = {}): Promise<AttemptOutcome> {
  const { timeoutMs, maxAttempts, backoffMs } = { ...DEFAULTS, ...opts };
  const allowPrivateNetworks = opts.allowPrivateNetworks ?? env().webhookAllowPrivateNetworks;
  const sleep = opts.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));
  const headers = { 'content-type': 'application/json', 'user-agent': 'HashInsight-Webhook/1', ...input.headers };
  let outcome: AttemptOutcome = { ok: false, attempts: 0, error: 'not attempted' };
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    if (attempt > 1) await sleep(backoffMs * 2 ** (attempt - 2));
    outcome = await attemptOnce(input.url, headers, input.body, { timeoutMs, allowPrivateNetworks }, attempt);
    if (outcome.ok || !outcome.retryable) return outcome;
  }
  return outcome;
}

async function attemptOnce(url: string, headers: Record<string, string>, body: string, opts: { timeoutMs: number; allowPrivateNetworks: boolean }, attempts: number): Promise<AttemptOutcome & { retryable?: boolean }> {
  try {
    const res = await guardedPost(url, headers, body, opts);
    if (res.status >= 200 && res.status < 300) return { ok: true, attempts, responseStatus: res.status };
    const retryable = res.status >= 500 || res.status === 429;
    return { ok: false, attempts, responseStatus: res.status, error: `HTTP ${res.status}`, retryable };
  } catch (e) {
    // A refused destination will be refused again: no retry.
    if (e instanceof BlockedDestinationError) return { ok: false, attempts, error: `blocked: ${e.message}`, retryable: false };
    if (e instanceof TimeoutError) return { ok: false, attempts, error: e.message, retryable: true };
    return { ok: false, attempts, error: `network error: ${(e as Error).message}`, retryable: true };
  }
}
