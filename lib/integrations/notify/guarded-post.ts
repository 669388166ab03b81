import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { isNonPublicAddress, isNonPublicHost } from './address-policy';
import { observeExternal } from '@/lib/observability/metrics';

export class BlockedDestinationError extends Error {
  readonly code = 'EBLOCKED';
}

/**
 * The address check runs inside the socket's own DNS lookup, so the address that is checked is the
 * one connected to: a name cannot pass the check and then re-resolve to an internal address (DNS
 * rebinding). Literal IPs skip DNS, so they are checked on the URL first.
 */
function guardedLookup(resolve: typeof dnsLookup): LookupFunction {
  return ((hostname: string, options: LookupOptions, callback: (err: Error | null, address: string | LookupAddress[], family?: number) => void) => {
    resolve(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '');
      const bad = addresses.find((a) => isNonPublicAddress(a.address));
      if (bad) return callback(new BlockedDestinationError(`${hostname} resolves to a non-public address (${bad.address})`), '');
      const first = addresses[0];
      if (!first) return callback(new Error(`${hostname} has no address`), '');
      if (options.all) return callback(null, addresses);
      callback(null, first.address, first.family);
    });
  }) as LookupFunction;
}

export type PostResult = { status: number };

/**
 * POST without following redirects (a redirect could point inside), with a whole-request timeout.
 * `resolve` stands in for DNS in tests.
 */
export function guardedPost(url: string, headers: Record<string, string>, body: string, opts: { timeoutMs: number; allowPrivateNetworks: boolean; resolve?: typeof dnsLookup }): Promise<PostResult> {
  const target = new URL(url);
  if (!opts.allowPrivateNetworks && isNonPublicHost(target.hostname)) {
    return Promise.reject(new BlockedDestinationError(`${target.hostname} is not a public address`));
  }
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  // A webhook or chat call on the monitoring page, by host only (a webhook's path can hold its secret).
  return observeExternal(target.host, () => new Promise<PostResult>((resolve, reject) => {
    const req = send(target, {
      method: 'POST',
      headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
      lookup: opts.allowPrivateNetworks ? (opts.resolve as LookupFunction | undefined) : guardedLookup(opts.resolve ?? dnsLookup),
      timeout: opts.timeoutMs,
    });
    const timer = setTimeout(() => req.destroy(new TimeoutError(opts.timeoutMs)), opts.timeoutMs);
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => { clearTimeout(timer); resolve({ status: res.statusCode ?? 0 }); });
      res.on('error', (e) => { clearTimeout(timer); reject(e); });
    });
    req.on('timeout', () => req.destroy(new TimeoutError(opts.timeoutMs)));
    req.on('error', (e) => { clearTimeout(timer); reject(e); });
    req.end(body);
  }));
}

export class TimeoutError extends Error {
  constructor(ms: number) {
    super(`timeout after ${ms} ms`);
    this.name = 'TimeoutError';
  }
}
