import next from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

// Schemas come from lib/validation/zod, whose strings refuse control characters (a NUL reaching
// PostgreSQL is a 500). Type-only imports and ZodError stay allowed.
const zodImports = { paths: [{ name: 'zod', importNames: ['z', 'default', 'string', 'url', 'coerce'], allowTypeImports: true, message: "Import { z } from '@/lib/validation/zod'." }] };
// One way into the audit log: recordAudit redacts secrets and records the entry's sites.
const auditLogWrites = {
  group: ['@/db/schema', '@/db/schema/*', '**/schema', '**/schema/*'],
  importNames: ['auditLog'],
  message: 'Write audit entries with recordAudit (db/queries/audit.ts), which redacts secrets and records the sites.',
};

const config = [
  ...next,
  ...nextTs,
  { ignores: ['.next/**', 'node_modules/**', '.data/**', 'db/migrations/**', 'next-env.d.ts', 'playwright-report/**', 'test-results/**'] },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { ...zodImports, patterns: [auditLogWrites] }],
    },
  },
  {
    // The audit write function, the schema, tests reading the log, and the client, which imports the
    // whole schema for drizzle (the rule cannot tell that from a use of auditLog).
    files: ['db/queries/audit.ts', 'db/schema/**', 'db/client.ts', 'tests/**', '**/*.test.ts', '**/*.test.tsx'],
    rules: { 'no-restricted-imports': ['error', zodImports] },
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
