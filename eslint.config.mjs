import next from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const config = [
  ...next,
  ...nextTs,
  { ignores: ['.next/**', 'node_modules/**', '.data/**', 'db/migrations/**', 'next-env.d.ts', 'playwright-report/**', 'test-results/**'] },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Schemas come from lib/validation/zod, whose strings refuse control characters (a NUL reaching
      // PostgreSQL is a 500). Type-only imports and ZodError stay allowed.
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'zod', importNames: ['z', 'default', 'string', 'url', 'coerce'], allowTypeImports: true, message: "Import { z } from '@/lib/validation/zod'." }] },
      ],
    },
  },
  {
    // What a page, component or chart shows goes through lib/format, so one quantity reads the same everywhere.
    files: ['app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name=/^(toFixed|toLocaleString|toLocaleDateString|toLocaleTimeString)$/]", message: 'Format figures with lib/format.' },
        { selector: "NewExpression[callee.object.name='Intl'][callee.property.name=/^(NumberFormat|DateTimeFormat)$/]", message: 'Format figures with lib/format.' },
      ],
    },
  },
  {
    // The wrapper itself; edge ingest's envelope schema (its fast path must give zod's exact answers);
    // sign-in; and configuration read from the environment or the collector's own file.
    files: ['lib/validation/zod-text.ts', 'lib/validation/edge.ts', 'lib/validation/edge-fast-path.ts', 'lib/validation/auth.ts', 'lib/env.ts', 'lib/edge/collector/config.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
];
export default config;
