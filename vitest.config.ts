import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    include: ['**/*.test.ts', '**/*.test.tsx'],
    exclude: ['node_modules/**', 'e2e/**', '.next/**', '.data/**'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 120_000,
    env: { NODE_ENV: 'test' },
    // next-intl's middleware and next-auth import 'next/server' without an extension, which Node's ESM loader refuses; transformed by Vite it resolves
    // (tests/security/proxy-brand-header.test.ts, tests/security/api-body-limit.test.ts), and next-auth's own imports of next/headers can then be stood in for (tests/auth/sessions.test.ts).
    server: { deps: { inline: ['next-intl', 'next-auth'] } },
  },
});
