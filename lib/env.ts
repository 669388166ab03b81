import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import pkg from '../package.json' with { type: 'json' };

// The one place that reads process.env: every other module asks `env()`.
const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z.url().optional(),
  DATA_DIR: z.string().min(1).default('.data'),
  AUTH_SECRET: z.string().min(32, 'AUTH_SECRET must be at least 32 characters').optional(),
  DEMO_MODE: z.enum(['true', 'false']).optional(),
  BENCH_DATABASE_URL: z.url().optional(),
  UPSTASH_REDIS_REST_URL: z.url().optional(),
  UPSTASH_REDIS_REST_TOKEN: z.string().optional(),
  INNGEST_EVENT_KEY: z.string().optional(),
  INNGEST_SIGNING_KEY: z
    .string()
    .regex(/^(signkey-\w+-)?[0-9a-f]{32,}$/i, 'INNGEST_SIGNING_KEY must be an Inngest signing key (signkey-…) or at least 32 hex characters (openssl rand -hex 32)')
    .optional(),
  INNGEST_DEV: z.string().optional(),
  INNGEST_BASE_URL: z.url().optional(),
  JOBS_EMBEDDED: z.enum(['true', 'false']).optional(),
  DEMO_LIVE: z.enum(['true', 'false']).optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  SMTP_HOST: z.string().optional(),
  SMTP_PORT: z.coerce.number().int().positive().optional(),
  SMTP_USER: z.string().optional(),
  SMTP_PASS: z.string().optional(),
  SMTP_FROM: z.string().optional(),
  MARKET_LIVE: z.enum(['true', 'false']).optional(),
  MARKET_COINGECKO_URL: z.url().default('https://api.coingecko.com'),
  MARKET_MEMPOOL_URL: z.url().default('https://mempool.space'),
  MARKET_BLOCKCHAIN_INFO_URL: z.url().default('https://blockchain.info'),
  MARKET_INTEL_LIVE: z.enum(['true', 'false']).optional(),
  MARKET_DERIBIT_URL: z.url().default('https://www.deribit.com'),
  MARKET_OKX_URL: z.url().default('https://www.okx.com'),
  MARKET_BINANCE_FUTURES_URL: z.url().default('https://fapi.binance.com'),
  ANTPOOL_BASE_URL: z.url().default('https://antpool.com'),
  ANTPOOL_SECRETS_KEY: z.string().optional(),
  WEBHOOK_ALLOW_PRIVATE_NETWORKS: z.enum(['true', 'false']).optional(),
  EDGE_DISCOVERY_ALLOW_NETWORKS: z.enum(['true', 'false']).optional(),
  POWER_FEED_ALLOW_LOOPBACK: z.enum(['true', 'false']).optional(),
  CURTAILMENT_VERIFY_AFTER_S: z.coerce.number().int().min(10).max(3600).default(180),
  CURTAILMENT_RECOVERY_CHECK_S: z.coerce.number().int().min(10).max(7200).default(900),
  /** The app's public address (https://farm.example.com): one-time links in e-mails use it, so a forged Host header cannot point them elsewhere. */
  APP_URL: z.url().optional(),
  /** Where the Web3 wizard's exchange connection test goes instead of the exchange's public API (tests: a local fake). */
  EXCHANGE_BASE_URL: z.url().optional(),
  TRUSTED_PROXY_HOPS: z.string().regex(/^(\d|10)$/, 'TRUSTED_PROXY_HOPS must be a whole number from 0 to 10').default('0').transform(Number),
});

export type Env = {
  /** APP_URL without a trailing slash; unset, links name the host the request came to. */
  appUrl: string | undefined;
  exchangeBaseUrl: string | undefined;
  nodeEnv: 'development' | 'production' | 'test';
  databaseUrl: string | undefined;
  dataDir: string;
  authSecret: string;
  demoMode: boolean;
  /** `npm run bench` only: a PostgreSQL server to bench against instead of PGlite. */
  benchDatabaseUrl: string | undefined;
  redis: { url: string; token: string } | undefined;
  smtp: { host: string; port: number; user?: string; pass?: string; from: string } | undefined;
  /** Public market/network APIs; `live` false keeps the app on its cache, history and bundled data. */
  market: { live: boolean; coingeckoUrl: string; mempoolUrl: string; blockchainInfoUrl: string };
  /** Derivatives market intelligence (Deribit, OKX, Binance); `live` false: the page shows what is stored, the job fetches nothing. */
  marketIntel: { live: boolean; deribitUrl: string; okxUrl: string; binanceUrl: string };
  version: string;
  /** secretsKey: base64 of 32 bytes for AES-256-GCM on stored pool API secrets (lib/integrations/antpool/secrets.ts). */
  antpool: { baseUrl: string; secretsKey: string | undefined };
  /**
   * /api/inngest: requests must carry this key's signature (Inngest cloud or a self-hosted Inngest
   * server). `isDev` (INNGEST_DEV, never in production) trusts the unsigned local dev server instead.
   */
  inngest: { isDev: false; signingKey: string } | { isDev: true; signingKey: string | undefined };
  /**
   * Who runs the scheduled functions: `embedded`, the app process itself (inngest/embedded), when no
   * Inngest server is configured; `inngest`, the dev server, a self-hosted server or Inngest cloud;
   * `off` (JOBS_EMBEDDED=false), nobody here (an instance that only serves pages).
   */
  jobs: { runner: 'embedded' | 'inngest' | 'off' };
  /** Demo mode: a simulated collector keeps the demo farm's telemetry moving through the ingest API (DEMO_LIVE). */
  demoLive: boolean;
  /** The HTTP port the server listens on (`npm run app`, `npm start`); the live demo sends to it on loopback. */
  port: number;
  /** Webhooks may target loopback/private addresses (an on-premises receiver); off by default against SSRF. */
  webhookAllowPrivateNetworks: boolean;
  /** Discovery from the management UI scans only loopback (simulators) unless this is set. */
  edgeDiscoveryAllowNetworks: boolean;
  /**
   * A strike plan's HTTP price feed may be on this machine (127.0.0.0/8, ::1, localhost): for tests
   * and the demo's local fake feed. Private, link-local and metadata addresses stay refused.
   */
  powerFeedAllowLoopback: boolean;
  /**
   * How many reverse proxies in front of the app append to X-Forwarded-For. 0: the header is the
   * client's own and is ignored; the TCP peer is the client (lib/auth/client-address.ts).
   */
  trustedProxyHops: number;
  /**
   * From a curtailment's last command to the check of its reduction, and from the last wake to the
   * recovery check (3 and 15 minutes; the e2e run shortens them to see a whole curtailment).
   */
  curtailmentTiming: { verifyAfterMs: number; recoveryCheckAfterMs: number };
};

export class EnvError extends Error {}

let cached: Env | undefined;

export function env(): Env {
  cached ??= loadEnv(process.env);
  return cached;
}

export function loadEnv(source: Record<string, string | undefined>): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new EnvError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  const embedded = !e.DATABASE_URL;
  return {
    nodeEnv: e.NODE_ENV,
    databaseUrl: e.DATABASE_URL,
    dataDir,
    authSecret: e.AUTH_SECRET ?? localSecret(e.NODE_ENV, dataDir, embedded, { name: 'AUTH_SECRET', file: 'auth-secret', howTo: 'openssl rand -base64 32', generate: () => randomBytes(32).toString('base64url') }),
    // The demo farm and its sign-ins belong to the embedded single-machine install unless asked for.
    demoMode: e.DEMO_MODE ? e.DEMO_MODE === 'true' : embedded,
    benchDatabaseUrl: e.BENCH_DATABASE_URL,
    redis: e.UPSTASH_REDIS_REST_URL && e.UPSTASH_REDIS_REST_TOKEN ? { url: e.UPSTASH_REDIS_REST_URL, token: e.UPSTASH_REDIS_REST_TOKEN } : undefined,
    smtp: e.SMTP_HOST
      ? { host: e.SMTP_HOST, port: e.SMTP_PORT ?? 587, user: e.SMTP_USER, pass: e.SMTP_PASS, from: e.SMTP_FROM ?? 'HashInsight <no-reply@localhost>' }
      : undefined,
    // The demo and tests talk to nothing outside the machine unless asked to (MARKET_LIVE=true).
    market: {
      live: e.MARKET_LIVE ? e.MARKET_LIVE === 'true' : !(e.DEMO_MODE ? e.DEMO_MODE === 'true' : embedded) && e.NODE_ENV !== 'test',
      coingeckoUrl: e.MARKET_COINGECKO_URL.replace(/\/$/, ''),
      mempoolUrl: e.MARKET_MEMPOOL_URL.replace(/\/$/, ''),
      blockchainInfoUrl: e.MARKET_BLOCKCHAIN_INFO_URL.replace(/\/$/, ''),
    },
    // Off wherever the network sources are off (demo, tests), unless MARKET_INTEL_LIVE says otherwise.
    marketIntel: {
      live: e.MARKET_INTEL_LIVE ? e.MARKET_INTEL_LIVE === 'true' : e.MARKET_LIVE ? e.MARKET_LIVE === 'true' : !(e.DEMO_MODE ? e.DEMO_MODE === 'true' : embedded) && e.NODE_ENV !== 'test',
      deribitUrl: e.MARKET_DERIBIT_URL.replace(/\/$/, ''),
      okxUrl: e.MARKET_OKX_URL.replace(/\/$/, ''),
      binanceUrl: e.MARKET_BINANCE_FUTURES_URL.replace(/\/$/, ''),
    },
    version: pkg.version,
    antpool: { baseUrl: e.ANTPOOL_BASE_URL, secretsKey: e.ANTPOOL_SECRETS_KEY },
    inngest: inngestConfig(e, dataDir, embedded),
    jobs: { runner: jobsRunner(e) },
    demoLive: (e.DEMO_MODE ? e.DEMO_MODE === 'true' : embedded) && e.DEMO_LIVE !== 'false',
    port: e.PORT,
    webhookAllowPrivateNetworks: e.WEBHOOK_ALLOW_PRIVATE_NETWORKS === 'true',
    edgeDiscoveryAllowNetworks: e.EDGE_DISCOVERY_ALLOW_NETWORKS === 'true',
    powerFeedAllowLoopback: e.POWER_FEED_ALLOW_LOOPBACK === 'true',
    trustedProxyHops: e.TRUSTED_PROXY_HOPS,
    appUrl: e.APP_URL?.replace(/\/+$/, ''),
    exchangeBaseUrl: e.EXCHANGE_BASE_URL,
    curtailmentTiming: { verifyAfterMs: e.CURTAILMENT_VERIFY_AFTER_S * 1000, recoveryCheckAfterMs: e.CURTAILMENT_RECOVERY_CHECK_S * 1000 },
  };
}

type LocalSecret = { name: string; file: string; howTo: string; generate: () => string };

/**
 * A deployment on a shared database runs many instances that must agree on one secret, so it has
 * to be configured. A single machine on the embedded database (the quick start) keeps a generated
 * one in its data folder, so it survives restarts without any set-up.
 */
function localSecret(nodeEnv: string, dataDir: string, embedded: boolean, secret: LocalSecret): string {
  if (nodeEnv === 'production' && !embedded) throw new EnvError(`${secret.name} is required in production (generate one with \`${secret.howTo}\`).`);
  const file = path.join(dataDir, secret.file);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const value = secret.generate();
  writeFileSync(file, value, { mode: 0o600 });
  return value;
}

/**
 * Jobs run only for requests signed with the key, loopback included: the demo and a single machine
 * get a generated key like AUTH_SECRET's. The unsigned Inngest dev server is an explicit opt-in for
 * `npm run dev`, because in that mode anyone who can reach the port can run any job with made-up
 * step results.
 */
function inngestConfig(e: z.infer<typeof schema>, dataDir: string, embedded: boolean): Env['inngest'] {
  const dev = e.INNGEST_DEV !== undefined && !['', '0', 'false'].includes(e.INNGEST_DEV.trim().toLowerCase());
  if (dev && e.NODE_ENV === 'production') {
    throw new EnvError('INNGEST_DEV turns off the signature check on /api/inngest and is for `npm run dev` only; unset it (production uses INNGEST_SIGNING_KEY).');
  }
  if (dev) return { isDev: true, signingKey: e.INNGEST_SIGNING_KEY };
  // Hex, the form a self-hosted Inngest server takes (`inngest start --signing-key`).
  const generated = { name: 'INNGEST_SIGNING_KEY', file: 'inngest-signing-key', howTo: 'openssl rand -hex 32', generate: () => randomBytes(32).toString('hex') };
  return { isDev: false, signingKey: e.INNGEST_SIGNING_KEY ?? localSecret(e.NODE_ENV, dataDir, embedded, generated) };
}

/**
 * An Inngest server is configured when the app is told where one is (INNGEST_BASE_URL, a self-hosted
 * server; INNGEST_DEV, the dev server) or holds the event key Inngest cloud takes events with. Then
 * it runs every schedule and the app steps aside; running both would run each job twice.
 */
function jobsRunner(e: z.infer<typeof schema>): Env['jobs']['runner'] {
  const dev = e.INNGEST_DEV !== undefined && !['', '0', 'false'].includes(e.INNGEST_DEV.trim().toLowerCase());
  const inngest = dev || Boolean(e.INNGEST_BASE_URL) || Boolean(e.INNGEST_EVENT_KEY);
  if (inngest && e.JOBS_EMBEDDED === 'true') {
    throw new EnvError('JOBS_EMBEDDED=true runs the scheduled jobs in the app, but an Inngest server is configured (INNGEST_BASE_URL, INNGEST_DEV or INNGEST_EVENT_KEY) and runs them too; set one or the other.');
  }
  if (inngest) return 'inngest';
  return e.JOBS_EMBEDDED === 'false' ? 'off' : 'embedded';
}

/**
 * Base domains under which `<brand>.<base>` hosts select a white-label brand (comma-separated,
 * default "localhost", so http://acme.localhost:3000 works out of the box). Read apart from env()
 * because proxy.ts needs only this and must not require the runtime secrets.
 */
export function brandBaseDomains(): string {
  return process.env.BRAND_BASE_DOMAINS ?? 'localhost';
}

/**
 * development (`next dev`), production (`next build` / `next start`) or test. Read apart from env()
 * because proxy.ts and next.config.ts need only this and must not require the runtime secrets.
 */
export function runtimeMode(): 'development' | 'production' | 'test' {
  const mode = process.env.NODE_ENV;
  return mode === 'production' || mode === 'test' ? mode : 'development';
}

/**
 * The environment for a child process this one starts (the page benchmark's `next start`): this
 * process's variables with `overrides` applied, an `undefined` override removing the variable.
 */
export function childProcessEnv(overrides: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = { ...process.env };
  for (const [k, v] of Object.entries(overrides)) {
    if (v === undefined) delete out[k];
    else out[k] = v;
  }
  return out;
}
