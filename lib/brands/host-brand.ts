import { headers } from 'next/headers';
import { cache } from 'react';
import { getDb } from '@/db';
import { type Brand, findBrandBySubdomain } from '@/db/queries/brands';
import { BRAND_HEADER } from './header';

export type HostBrand = { kind: 'default' } | { kind: 'brand'; brand: Brand } | { kind: 'unknown'; subdomain: string };

/**
 * The brand this request's host names, read once per request. proxy.ts put the candidate
 * subdomain in BRAND_HEADER (after dropping any copy the client sent); an unknown or disabled one
 * is 'unknown', which the layout turns into a 404.
 */
export const getHostBrand = cache(async (): Promise<HostBrand> => {
  const subdomain = (await headers()).get(BRAND_HEADER);
  if (!subdomain) return { kind: 'default' };
  const brand = await findBrandBySubdomain(await getDb(), subdomain);
  return brand?.enabled ? { kind: 'brand', brand } : { kind: 'unknown', subdomain };
});
