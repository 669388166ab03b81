import { headers } from 'next/headers';
import { cache } from 'react';
import { getDb } from '@/db';
import { type Brand, findBrandBySubdomain } from '@/db/queries/hosting/brands';
import { brandSubdomainOf, parseBaseDomains } from '@/lib/domain/brands/subdomain';
import { brandBaseDomains } from '@/lib/env';
import { BRAND_HEADER, requestedHost } from './header';

export type HostBrand = { kind: 'default' } | { kind: 'brand'; brand: Brand } | { kind: 'unknown'; subdomain: string };

const baseDomains = parseBaseDomains(brandBaseDomains());

/**
 * The brand subdomain of this request: the one proxy.ts put in BRAND_HEADER (after dropping any
 * copy the client sent); without it, the requested host through the same parser. Only files and
 * 404s lie outside the proxy's matcher, so a copy a client sends there reaches no page or route.
 */
export function requestSubdomain(h: Headers): string | null {
  return h.get(BRAND_HEADER) ?? brandSubdomainOf(requestedHost(h), baseDomains);
}

/** The brand this request's host names, read once per request; an unknown or disabled one is 'unknown' (the layout answers 404). */
export const getHostBrand = cache(async (): Promise<HostBrand> => {
  const subdomain = requestSubdomain(await headers());
  if (!subdomain) return { kind: 'default' };
  const brand = await findBrandBySubdomain(await getDb(), subdomain);
  return brand?.enabled ? { kind: 'brand', brand } : { kind: 'unknown', subdomain };
});
