import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';
import { PROXY_BODY_BUFFER_BYTES } from './lib/api/body-limits';
import { runtimeMode } from './lib/env';
import { LOCKED_DOWN_CSP, securityHeaders } from './lib/security/headers';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

const nextConfig: NextConfig = {
  // PGlite ships WASM and argon2 a native addon: both must load from node_modules, not the bundle.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2'],
  poweredByHeader: false,
  experimental: {
    // forbidden() answers 403 for a role without the page's module (lib/auth/guard.ts).
    authInterrupts: true,
    // Next cuts a body past this silently and hands the route its beginning (proxy.ts runs on /api);
    // above every route's own limit, a cut body is always refused there instead of parsed.
    proxyClientMaxBodySize: PROXY_BODY_BUFFER_BYTES,
  },
  // Responses proxy.ts never sees (static files, public/) get the same headers; for pages and API
  // routes the proxy's own values replace these (a page's policy carries its request's nonce).
  async headers() {
    const headers = { 'content-security-policy': LOCKED_DOWN_CSP, ...securityHeaders(runtimeMode()) };
    return [{ source: '/:path*', headers: Object.entries(headers).map(([key, value]) => ({ key, value })) }];
  },
};

export default withNextIntl(nextConfig);
