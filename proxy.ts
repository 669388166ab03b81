import createMiddleware from 'next-intl/middleware';
import { NextRequest, NextResponse } from 'next/server';
import { brandBaseDomains, runtimeMode } from './lib/env';
import { PATH_HEADER } from './lib/auth/return-path';
import { BRAND_HEADER, requestedHost } from './lib/brands/header';
import { brandSubdomainOf, parseBaseDomains } from './lib/domain/brands/subdomain';
import { routing } from './lib/i18n/routing';
import { LOCKED_DOWN_CSP, pageCsp, securityHeaders } from './lib/security/headers';
import { isForeignOrigin, SAFE_METHODS } from './lib/security/origin';

const intl = createMiddleware(routing);
const baseDomains = parseBaseDomains(brandBaseDomains());

/**
 * Locale routing, the browser security headers, plus the white-label brand the requested host names,
 * handed to the server as a request header. A copy of that header sent by the client is dropped first,
 * so only a host name chooses the brand, and a brand host only ever narrows who gets in. The brand is
 * looked up (and refused when unknown) by the server, not here. Sign-in and permissions are checked on
 * the server by every page, action and route handler (lib/auth); pages also get the requested path,
 * so the sign-in page can bring the user back to it (lib/auth/guard.ts).
 *
 * A page accepts a POST only as a server action. Next refuses one from a foreign origin itself, but
 * with a 500; it is answered 403 here before it gets that far.
 */
export default function proxy(request: NextRequest) {
  const mode = runtimeMode();
  const api = isApiPath(request.nextUrl.pathname);
  if (!api && !SAFE_METHODS.has(request.method) && isForeignOrigin(request.headers)) {
    return secured(new NextResponse('Cross-origin request refused', { status: 403, headers: { 'content-type': 'text/plain; charset=utf-8' } }), LOCKED_DOWN_CSP, mode);
  }
  const headers = new Headers(request.headers);
  headers.delete(BRAND_HEADER);
  const subdomain = brandSubdomainOf(requestedHost(request.headers), baseDomains);
  if (subdomain) headers.set(BRAND_HEADER, subdomain);
  headers.delete(PATH_HEADER);
  if (api) return secured(NextResponse.next({ request: { headers } }), LOCKED_DOWN_CSP, mode);
  headers.set(PATH_HEADER, request.nextUrl.pathname + request.nextUrl.search);
  // Next reads the nonce from the request's policy and puts it on every script it renders.
  const csp = pageCsp(Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64'), mode);
  headers.set('content-security-policy', csp);
  return secured(intl(new NextRequest(request, { headers })), csp, mode);
}

/**
 * JSON endpoints: the app's /api, and seed 002's CRM endpoints, which the seed puts at /crm/api/…
 * (app/crm/api). Neither gets a locale prefix (a client calling /crm/api/sync-status must not be
 * redirected to /en/crm/api/…) nor a page's policy; their handlers check the session (withActor).
 */
function isApiPath(pathname: string): boolean {
  return pathname.startsWith('/api/') || pathname.startsWith('/crm/api/');
}

function secured(response: NextResponse, csp: string, mode: ReturnType<typeof runtimeMode>): NextResponse {
  response.headers.set('content-security-policy', csp);
  for (const [name, value] of Object.entries(securityHeaders(mode))) response.headers.set(name, value);
  return response;
}

export const config = {
  // API routes pass through too (brand header only), so an API call on a brand host is scoped like its pages.
  matcher: ['/api/:path*', '/((?!api|_next|_vercel|.*\\..*).*)'],
};
