import createMiddleware from 'next-intl/middleware';
import { NextRequest, NextResponse } from 'next/server';
import { brandBaseDomains } from './lib/env';
import { BRAND_HEADER, requestedHost } from './lib/brands/header';
import { brandSubdomainOf, parseBaseDomains } from './lib/domain/brands/subdomain';
import { routing } from './lib/i18n/routing';

const intl = createMiddleware(routing);
const baseDomains = parseBaseDomains(brandBaseDomains());

/**
 * Locale routing, plus the white-label brand the requested host names, handed to the server as a
 * request header. A copy of that header sent by the client is dropped first, so only a host name
 * chooses the brand, and a brand host only ever narrows who gets in. The brand is looked up (and
 * refused when unknown) by the server, not here. Sign-in and permissions are checked on the server
 * by every page, action and route handler (lib/auth).
 */
export default function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.delete(BRAND_HEADER);
  const subdomain = brandSubdomainOf(requestedHost(request.headers), baseDomains);
  if (subdomain) headers.set(BRAND_HEADER, subdomain);
  if (request.nextUrl.pathname.startsWith('/api/')) return NextResponse.next({ request: { headers } });
  return intl(new NextRequest(request, { headers }));
}

export const config = {
  // API routes pass through too (brand header only), so an API call on a brand host is scoped like its pages.
  matcher: ['/api/:path*', '/((?!api|_next|_vercel|.*\\..*).*)'],
};
