import { lookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';
import { AppError } from '@/lib/core/errors';
import { isNonPublicAddress } from '../notify/address-policy';

/*
 * Where a strike plan's HTTP price feed may point. The URL is typed by a user and fetched by our
 * server every five minutes, so without this check it could read an internal service or the cloud
 * metadata endpoint (169.254.169.254) on the user's behalf (SSRF). The address ranges are the
 * webhooks' (notify/address-policy.ts, ipaddr.js's classification): only global unicast passes.
 * A name is resolved and every address it has is checked: one internal address among public ones
 * is enough to refuse. Loopback alone may be allowed (POWER_FEED_ALLOW_LOOPBACK, lib/env.ts) for the
 * tests' and the demo's local fake feed; private, link-local and metadata addresses never are.
 */

export type Resolve = (host: string) => Promise<string[]>;
const systemResolve: Resolve = async (host) => (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);

function isLoopback(address: string): boolean {
  try {
    const a = ipaddr.process(address);
    return a.range() === 'loopback';
  } catch {
    return false;
  }
}

/** Throws AppError VALIDATION on `feedUrl` (privateFeedAddress, hostUnresolved) unless every address of the URL's host is public. */
export async function assertPublicFeedUrl(url: string, opts: { allowLoopback: boolean; resolve?: Resolve }): Promise<void> {
  let host: string;
  try {
    host = new URL(url).hostname.replace(/^\[|\]$/g, '').toLowerCase();
  } catch {
    throw new AppError('VALIDATION', 'feed URL', { feedUrl: 'invalid' });
  }
  const refuse = () => new AppError('VALIDATION', `price feed host ${host} is not a public address`, { feedUrl: 'privateFeedAddress' });
  const localName = host === 'localhost' || host.endsWith('.localhost');
  if (localName && !opts.allowLoopback) throw refuse();
  let addresses: string[];
  if (ipaddr.isValid(host)) addresses = [host];
  else {
    try {
      addresses = localName ? ['127.0.0.1'] : await (opts.resolve ?? systemResolve)(host);
    } catch {
      throw new AppError('VALIDATION', `price feed host ${host} does not resolve`, { feedUrl: 'hostUnresolved' });
    }
    if (!addresses.length) throw new AppError('VALIDATION', `price feed host ${host} has no address`, { feedUrl: 'hostUnresolved' });
  }
  for (const a of addresses) {
    if (!isNonPublicAddress(a)) continue;
    if (opts.allowLoopback && isLoopback(a)) continue;
    throw refuse();
  }
}
