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

// ── Layers (README, "Layout"): app/ → components/ → lib (actions, api, integrations, edge, demo) → db/ → lib/core ← lib/domain.
// A wrong arrow fails the lint; tests/architecture/layers.test.ts shows each rule refusing and admitting.
// Packages that do I/O or belong to a framework: a pure layer names none of them.
const ioModules = [
  'next', 'next/*', 'next-auth', 'next-auth/*', 'next-intl', 'next-intl/*', 'react', 'react-dom', 'inngest', 'inngest/*', '@inngest/*',
  'drizzle-orm', 'drizzle-orm/*', 'postgres', '@electric-sql/pglite', '@electric-sql/pglite/*', '@upstash/*', 'nodemailer', 'smtp-server', 'croner', 'exceljs', 'papaparse',
  '@node-rs/argon2', 'libsodium-wrappers',
  ...['fs', 'fs/*', 'net', 'http', 'https', 'http2', 'dgram', 'dns', 'dns/*', 'tls', 'child_process', 'worker_threads', 'cluster'].flatMap((m) => [m, `node:${m}`]),
];
const dbOnly = "db/ imports only db/, lib/core, lib/domain and lib/env: parse, seal and hash in the action, route or service that calls the query, and pass the query plain values.";
const layerRules = {
  db: [
    { regex: '^@/(?!db(/|$)|lib/(core|domain)/|lib/env$|lib/validation/)', message: dbOnly },
    // The parsed input's shape is declared once, by its schema; a query may name it but never run the schema.
    { regex: '^@/lib/validation/', allowTypeImports: true, message: `${dbOnly} (import type of a parsed input is allowed).` },
    { regex: '^(\\.\\./)+(app|components|inngest|scripts|bench|tests|e2e|lib/(?!core/|domain/|env$))', message: dbOnly },
    { group: ['next', 'next/*', 'next-auth', 'next-auth/*', 'next-intl', 'next-intl/*', 'react', 'inngest', 'inngest/*'], message: 'db/ knows no framework: it is called by pages, actions, routes and jobs.' },
  ],
  domain: [
    { regex: '^@/(?!lib/(domain|core|format)(/|$))', message: 'lib/domain is pure: it imports only lib/domain, lib/core and lib/format (no db, actions, integrations, edge or framework). Take values as parameters.' },
    { regex: '^(\\.\\./){2,}', message: 'lib/domain is pure: relative imports stay inside lib/domain.' },
    { group: ioModules, message: 'lib/domain does no I/O: take the values as parameters and let the caller fetch, read or write them.' },
  ],
  core: [
    { regex: '^@/(?!lib/core/)', message: 'lib/core imports nothing from the app: everything else imports it.' },
    { regex: '^\\.\\./', message: 'lib/core imports nothing from the app: everything else imports it.' },
    { group: ioModules, message: 'lib/core does no I/O.' },
  ],
};
// The named page data loaders outside app/: shared by several pages, each takes the page's db and scope.
const componentDataLoaders = ['components/hosting/miner-form-options.ts', 'components/hosting/new-ticket-options.ts', 'components/edge/miner-telemetry-panel.tsx'];
const sqlInQueries = { group: ['drizzle-orm', 'drizzle-orm/*'], message: 'SQL lives in db/queries.' };
const pageDbRule = { regex: '^@/db/(?!queries/)', allowTypeImports: true, message: 'Pages, route handlers and the named loaders read through @/db (getDb) and db/queries, never the schema, the client or the seed.' };

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
    // Configuration is read and validated in lib/env.ts only (tests, scripts and benches set it up).
    files: ['app/**', 'components/**', 'lib/**', 'db/**', 'inngest/**', 'proxy.ts', 'instrumentation.ts'],
    ignores: ['lib/env.ts', '**/*.test.ts', '**/*.test.tsx'],
    rules: { 'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration through lib/env (env()), which validates it once.' }] },
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
        // A client component runs in the browser: it may name a query's result type, never import the data layer.
        { selector: "Program:has(> ExpressionStatement[directive='use client']) ImportDeclaration[importKind='value'][source.value=/^@\\/db(\\/|$)/]", message: 'A client component gets its data as props; import only types from db/.' },
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
  {
    files: ['db/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: layerRules.db }] },
  },
  {
    files: ['lib/domain/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: layerRules.domain }] },
  },
  {
    files: ['lib/core/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: layerRules.core }] },
  },
  {
    // Pages (server components) and route handlers are the page data loaders: @/db (getDb) and db/queries only.
    // The login page shows the demo password from the demo farm's data in demo mode.
    files: ['app/**/*.{ts,tsx}'],
    ignores: ['app/[[]locale]/(public)/login/page.tsx'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [pageDbRule, sqlInQueries] }] },
  },
  {
    // Components get their data as props; only the named loaders read db/queries.
    files: ['components/**/*.{ts,tsx}'],
    ignores: componentDataLoaders,
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^@/db(/|$)', allowTypeImports: true, message: 'A component gets its data from the page (props); only the loaders named in eslint.config.mjs read db/queries.' }, sqlInQueries] },
      ],
    },
  },
  {
    files: componentDataLoaders,
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [pageDbRule, sqlInQueries] }] },
  },
];
export default config;
