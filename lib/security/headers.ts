/**
 * The browser security headers: one definition for proxy.ts (pages and API routes, per request) and
 * next.config.ts (everything the proxy does not see: static files, public/, stray 404s).
 */

export type RuntimeMode = 'development' | 'production' | 'test';

/** For answers that are never a page to render: JSON, files, redirects. Nothing may load or frame them. */
export const LOCKED_DOWN_CSP = "default-src 'none'; frame-ancestors 'none'";

/**
 * The policy for pages. Scripts run only with this request's nonce ('strict-dynamic' lets Next's own
 * chunks load the rest), so injected markup cannot run script. Styles keep 'unsafe-inline': Recharts
 * draws with inline style attributes, and Radix and sonner insert <style> elements at runtime without
 * a nonce; a nonce in style-src would void 'unsafe-inline', so none is given there. Images allow https:
 * and data: because a brand's logo is its own https URL or a stored data: URL. React needs eval only
 * in development (its error overlay), and the dev server's hot reload talks over a WebSocket.
 */
export function pageCsp(nonce: string, mode: RuntimeMode): string {
  const dev = mode === 'development';
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? ' ws: wss:' : ''}`,
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * Headers every response carries besides its CSP. HSTS only in production: a development server
 * on plain http must stay reachable. It leaves out includeSubDomains, because the app's host may be
 * the apex of BRAND_BASE_DOMAINS and would then force https on the operator's unrelated subdomains.
 * Nothing is indexed: the app is behind sign-in and brand hosts belong to the operator's customers.
 */
export function securityHeaders(mode: RuntimeMode): Record<string, string> {
  return {
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
    'x-frame-options': 'DENY',
    'cross-origin-opener-policy': 'same-origin',
    'x-robots-tag': 'noindex, nofollow',
    ...(mode === 'production' ? { 'strict-transport-security': 'max-age=63072000' } : {}),
  };
}
