import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, date, index, integer, jsonb, numeric, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { miners } from './hosting';
import { organizations, users } from './tenancy';

/*
 * Antpool data. Amounts are integer satoshis; hashrates are H/s in numeric (an EH/s pool does not fit
 * a double exactly). Every collected row has a unique key on (subject, time bucket), so a re-run of a
 * tier upserts instead of duplicating.
 */
export const poolWorkerStatus = pgEnum('pool_worker_status', ['online', 'offline', 'invalid']);
export const poolAlertKind = pgEnum('pool_alert_kind', ['worker_offline', 'low_hashrate', 'api_failure', 'budget_warning']);
export const poolPaymentKind = pgEnum('pool_payment_kind', ['payout', 'recv']);

const hs = () => numeric({ precision: 30, scale: 0 });
const at = () => timestamp({ withTimezone: true });

export const poolAccounts = pgTable(
  'pool_accounts',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    // A sub-account without its own key is read through its parent's key with `userId` set to it.
    parentId: uuid(),
    label: text().notNull(),
    userId: text().notNull(),
    coin: text().notNull().default('BTC'),
    apiKey: text(),
    // AES-256-GCM: base64(nonce ‖ ciphertext ‖ tag). Never leaves the server.
    secretEnc: text(),
    // A PostgreSQL regex whose first group is the hosted miner's name (case-insensitive), for farms
    // whose worker names differ from the miners' recorded worker names.
    workerPattern: text().notNull().default('^[^.]+\\.(.+)$'),
    enabled: boolean().notNull().default(true),
    lastTestAt: at(),
    lastTestOk: boolean(),
    lastTestMessage: text(),
    createdAt: at().notNull().defaultNow(),
    updatedAt: at().notNull().defaultNow(),
  },
  (t) => [uniqueIndex('pool_accounts_org_user_uq').on(t.orgId, t.userId, t.coin), index('pool_accounts_parent_idx').on(t.parentId)],
);

export const poolAccountBalances = pgTable(
  'pool_account_balances',
  {
    accountId: uuid().notNull().references(() => poolAccounts.id, { onDelete: 'cascade' }),
    recordedAt: at().notNull(),
    earn24hSats: bigint({ mode: 'number' }).notNull(),
    earnTotalSats: bigint({ mode: 'number' }).notNull(),
    paidOutSats: bigint({ mode: 'number' }).notNull(),
    balanceSats: bigint({ mode: 'number' }).notNull(),
    settleTime: at(),
  },
  (t) => [uniqueIndex('pool_account_balances_uq').on(t.accountId, t.recordedAt)],
);

export const poolHashrates = pgTable(
  'pool_hashrates',
  {
    accountId: uuid().notNull().references(() => poolAccounts.id, { onDelete: 'cascade' }),
    recordedAt: at().notNull(),
    hs10m: hs().notNull(),
    hs1h: hs().notNull(),
    hs1d: hs().notNull(),
    totalWorkers: integer().notNull(),
    activeWorkers: integer().notNull(),
    inactiveWorkers: integer().notNull(),
    invalidWorkers: integer().notNull().default(0),
  },
  (t) => [uniqueIndex('pool_hashrates_uq').on(t.accountId, t.recordedAt)],
);

/** One row per worker per hour (Tier 2); the newest hour is the worker table. */
export const poolWorkers = pgTable(
  'pool_workers',
  {
    accountId: uuid().notNull().references(() => poolAccounts.id, { onDelete: 'cascade' }),
    workerName: text().notNull(),
    recordedAt: at().notNull(),
    hs10m: hs().notNull(),
    hs1h: hs().notNull(),
    hs1d: hs().notNull(),
    rejectRatio: numeric({ precision: 8, scale: 6 }),
    lastShareAt: at(),
    status: poolWorkerStatus().notNull(),
  },
  (t) => [uniqueIndex('pool_workers_uq').on(t.accountId, t.workerName, t.recordedAt), index('pool_workers_recorded_idx').on(t.recordedAt)],
);

export const poolDailyWorkerSummaries = pgTable(
  'pool_daily_worker_summaries',
  {
    accountId: uuid().notNull().references(() => poolAccounts.id, { onDelete: 'cascade' }),
    workerName: text().notNull(),
    day: date().notNull(),
    avgHs: hs().notNull(),
    onlineHours: integer().notNull(),
    observedHours: integer().notNull(),
    // Share of the account's day earnings, in proportion to this worker's share of the hashrate.
    earnedSats: bigint({ mode: 'number' }).notNull(),
    efficiency: numeric({ precision: 6, scale: 4 }).notNull(),
  },
  (t) => [uniqueIndex('pool_daily_worker_summaries_uq').on(t.accountId, t.workerName, t.day), index('pool_daily_worker_summaries_day_idx').on(t.day)],
);

/** At most one open alert per (org, kind, subject): the partial unique index makes re-detection an upsert. */
export const poolWorkerAlerts = pgTable(
  'pool_worker_alerts',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    accountId: uuid().references(() => poolAccounts.id, { onDelete: 'cascade' }),
    kind: poolAlertKind().notNull(),
    subject: text().notNull(),
    detail: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    openedAt: at().notNull(),
    lastSeenAt: at().notNull(),
    resolvedAt: at(),
    notifiedAt: at(),
    acknowledgedAt: at(),
    acknowledgedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    escalatedAt: at(),
  },
  (t) => [
    uniqueIndex('pool_worker_alerts_open_uq').on(t.orgId, t.kind, t.subject).where(sql`${t.resolvedAt} is null`),
    index('pool_worker_alerts_org_idx').on(t.orgId, t.resolvedAt),
  ],
);

export const poolPaymentHistory = pgTable(
  'pool_payment_history',
  {
    accountId: uuid().notNull().references(() => poolAccounts.id, { onDelete: 'cascade' }),
    kind: poolPaymentKind().notNull(),
    paidAt: at().notNull(),
    amountSats: bigint({ mode: 'number' }).notNull(),
    ppsSats: bigint({ mode: 'number' }),
    pplnsSats: bigint({ mode: 'number' }),
    fppsBlockSats: bigint({ mode: 'number' }),
    fppsFeeSats: bigint({ mode: 'number' }),
    hashrate: hs(),
    externalId: text(),
    txId: text(),
    walletAddress: text(),
  },
  (t) => [uniqueIndex('pool_payment_history_uq').on(t.accountId, t.kind, t.paidAt)],
);

export const poolStats = pgTable(
  'pool_stats',
  {
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    coin: text().notNull(),
    recordedAt: at().notNull(),
    poolHashrate: hs().notNull(),
    activeWorkerNumber: integer().notNull(),
    networkDiff: numeric({ precision: 30, scale: 0 }),
  },
  (t) => [uniqueIndex('pool_stats_uq').on(t.orgId, t.coin, t.recordedAt)],
);

/**
 * Every request to the pool. A row is written before the request (status 'pending') under a lock,
 * which makes this table the shared sliding-window budget when no Redis is configured.
 */
export const poolApiCallLogs = pgTable(
  'pool_api_call_logs',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    accountId: uuid(),
    endpoint: text().notNull(),
    startedAt: at().notNull(),
    status: text().notNull(),
    httpStatus: integer(),
    apiCode: integer(),
    ms: integer(),
    attempt: integer().notNull().default(1),
    budgetLeft: integer(),
    error: text(),
  },
  (t) => [index('pool_api_call_logs_started_idx').on(t.startedAt)],
);

/**
 * The last nonce issued per API key, by the key's SHA-256. Antpool refuses a nonce that is not above
 * the last one it saw for the key (−18), so every instance takes the next one here rather than from
 * its own memory and clock.
 */
export const poolApiNonces = pgTable('pool_api_nonces', {
  keyHash: text().primaryKey(),
  lastNonce: bigint({ mode: 'number' }).notNull(),
});

/** One summary per tier run. */
export const poolCollectionRuns = pgTable(
  'pool_collection_runs',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    tier: integer().notNull(),
    startedAt: at().notNull(),
    finishedAt: at().notNull(),
    calls: integer().notNull(),
    accountsOk: integer().notNull(),
    accountsFailed: integer().notNull(),
    summary: jsonb().$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index('pool_collection_runs_org_idx').on(t.orgId, t.tier, t.startedAt)],
);

/** A hand-made link overrides the pattern: the "fix mismatches" UI writes here. */
export const poolWorkerLinks = pgTable(
  'pool_worker_links',
  {
    accountId: uuid().notNull().references(() => poolAccounts.id, { onDelete: 'cascade' }),
    workerName: text().notNull(),
    // null: no hosted miner matches (a mismatch to fix in the UI).
    minerId: uuid().references(() => miners.id, { onDelete: 'cascade' }),
    // 'pattern' links are recomputed by Tier 2; 'manual' ones are kept as the user set them.
    source: text().notNull().default('pattern'),
    updatedAt: at().notNull().defaultNow(),
  },
  (t) => [uniqueIndex('pool_worker_links_uq').on(t.accountId, t.workerName), index('pool_worker_links_miner_idx').on(t.minerId)],
);
