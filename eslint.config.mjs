import next from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

// Schemas come from lib/validation/zod, whose strings refuse control characters (a NUL reaching
// PostgreSQL is a 500). Type-only imports and ZodError stay allowed.
const zodImports = { paths: [{ name: 'zod', importNames: ['z', 'default', 'string', 'url', 'coerce'], allowTypeImports: true, message: "Import { z } from '@/lib/validation/zod'." }] };
// One way into the audit log: recordAudit redacts secrets and records the entry's sites.
const auditLogWrites = {
  group: ['@/db/schema', '@/db/schema/*', '**/schema', '**/schema/*'],
  importNames: ['auditLog'],
  message: 'Write audit entries with recordAudit (db/queries/admin/audit.ts), which redacts secrets and records the sites.',
};
// A dependency is passed in (a parameter, a factory, Inngest middleware), never swapped through a module global.
const noTestHooks = [
  { selector: 'ExportNamedDeclaration > FunctionDeclaration[id.name=/ForTests$/]', message: 'Inject the dependency (a parameter or a factory) instead of a module global set for tests.' },
  { selector: 'ExportNamedDeclaration > VariableDeclaration > VariableDeclarator[id.name=/ForTests$/]', message: 'Inject the dependency (a parameter or a factory) instead of a module global set for tests.' },
];

const config = [
  ...next,
  ...nextTs,
  { ignores: ['.next/**', 'node_modules/**', '.data/**', 'db/migrations/**', 'next-env.d.ts', 'playwright-report/**', 'test-results/**'] },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', ...noTestHooks],
      'no-restricted-imports': ['error', { ...zodImports, patterns: [auditLogWrites] }],
    },
  },
  {
    // The audit write function, the schema, tests reading the log, and the client, which imports the
    // whole schema for drizzle (the rule cannot tell that from a use of auditLog).
    files: ['db/queries/admin/audit.ts', 'db/schema/**', 'db/client.ts', 'tests/**', '**/*.test.ts', '**/*.test.tsx'],
    rules: { 'no-restricted-imports': ['error', zodImports] },
  },
  {
    // What a page, component or chart shows goes through lib/format, so one quantity reads the same everywhere.
    files: ['app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...noTestHooks,
        { selector: "CallExpression[callee.property.name=/^(toFixed|toLocaleString|toLocaleDateString|toLocaleTimeString)$/]", message: 'Format figures with lib/format.' },
        { selector: "NewExpression[callee.object.name='Intl'][callee.property.name=/^(NumberFormat|DateTimeFormat)$/]", message: 'Format figures with lib/format.' },
        // Notification text holds both message files: a page uses getTranslations, and a client bundle must not carry them.
        { selector: "ImportDeclaration[source.value=/^@\\/lib\\/(i18n\\/notification-text|notifications\\/)/]", message: 'Notification text is for jobs and actions; pages and components use getTranslations / useTranslations.' },
      ],
    },
  },
  {
    // The wrapper itself; edge ingest's envelope schema (its fast path must give zod's exact answers);
    // sign-in; and configuration read from the environment or the collector's own file.
    files: ['lib/validation/zod-text.ts', 'lib/validation/edge.ts', 'lib/validation/edge-fast-path.ts', 'lib/validation/auth.ts', 'lib/env.ts', 'lib/edge/collector/config.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // A job reaches the database only through db/queries and the world only through the dependencies in its context.
    files: ['inngest/functions/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['drizzle-orm', 'drizzle-orm/*', '@/db/schema', '@/db/schema/*'], message: 'Put the query in db/queries.' }],
          paths: [
            ...['@/db', '@/db/client'].map((name) => ({ name, allowTypeImports: true, message: 'Use the db in the job context.' })),
            { name: '@/lib/env', message: 'Take configuration from the dependencies in the job context.' },
            ...['@/lib/integrations/notify', '@/lib/integrations/market/current', '@/lib/integrations/market/cache', '@/lib/integrations/market/config', '@/lib/integrations/antpool/factory'].map((name) => ({
              name,
              allowTypeImports: true,
              message: 'Use the market, antpool and notifier in the job context.',
            })),
          ],
        },
      ],
    },
  },
];
export default config;
