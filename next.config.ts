import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

const nextConfig: NextConfig = {
  // PGlite ships WASM and argon2 a native addon: both must load from node_modules, not the bundle.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2'],
  poweredByHeader: false,
  // forbidden() answers 403 for a role without the page's module (lib/auth/guard.ts).
  experimental: { authInterrupts: true },
};

export default withNextIntl(nextConfig);
