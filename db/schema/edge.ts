import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ALERT_KINDS } from '../../lib/domain/telemetry/alert-rules';
import { alertSeverity, notificationChannels } from './alerts';
import { miners } from './hosting';
import { organizations, sites, users } from './tenancy';

/**
 * A collector installed at one farm. It authenticates with a bearer token of which only the
 * SHA-256 is kept; the token is shown once when issued. The command-signing key is derived from
 * the token (see lib/edge/device-token.ts) so the collector needs one secret, and the server keeps
 * only the derived key, never the token.
 */
export const edgeDevices = pgTable(
  'edge_devices',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    siteId: uuid().notNull().references(() => sites.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    tokenHash: text().notNull(),
    /** First characters of the token, so an operator can tell tokens apart without the secret. */
    tokenPrefix: text().notNull(),
    signingKey: text().notNull(),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp({ withTimezone: true }),
    lastSeenAt: timestamp({ withTimezone: true }),
    version: text(),
    /** Seconds between the oldest record of the last upload and its arrival (replays show here). */
    lagS: integer(),
    /** Envelopes waiting in the collector's disk buffer, as the collector reports it. */
    bufferDepth: integer(),
    /** Envelopes the cloud refused (4xx), kept in the collector's dead-letter store, and their bytes on its disk. */
    deadLetters: integer(),
    deadLetterBytes: integer(),
    /** The collector's X25519 public key (base64) and its version; browsers seal miner credentials to it. */
    boxPublicKey: text(),
    boxKeyVersion: integer(),
  },
  (t) => [uniqueIndex('edge_devices_token_hash_uq').on(t.tokenHash), index('edge_devices_org_site_idx').on(t.orgId, t.siteId)],
);

/**
 * Miners the ingest API created because a collector reported a machine the site did not know. Kept
 * beside `miners` (owned by hosting) rather than as a column on it; deleting the miner drops the flag.
 */
export const edgeDiscoveredMiners = pgTable(
  'edge_discovered_miners',
  {
    minerId: uuid().primaryKey().references(() => miners.id, { onDelete: 'cascade' }),
    deviceId: uuid().references(() => edgeDevices.id, { onDelete: 'set null' }),
    host: text().notNull(),
    port: integer().notNull(),
    discoveredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  // Ingest resolves a reading without a MAC by the host:port it was read from.
  (t) => [index('edge_discovered_miners_host_port_idx').on(t.host, t.port)],
);

export const edgeCommandType = pgEnum('edge_command_type', ['REBOOT', 'SLEEP', 'WAKE', 'POWER_MODE', 'POOL_SET', 'SET_FREQUENCY', 'SET_POWER_TARGET']);
export const edgeCommandStatus = pgEnum('edge_command_status', ['QUEUED', 'LEASED', 'SUCCEEDED', 'FAILED', 'EXPIRED']);

/**
 * One bulk action over a selection of miners: what was asked, of how many, and which miners were
 * skipped and why (firmware without the command, over their rate limit, no collector key). The
 * params never hold a secret in clear: a pool password is sealed to each site's collector.
 */
export const edgeCommandBatches = pgTable(
  'edge_command_batches',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    commandType: edgeCommandType().notNull(),
    /** The command's parameters without secrets (a pool change keeps url and user). */
    params: jsonb().notNull().default({}),
    /** How the miners were chosen: { ids: n } or { filter }. */
    selection: jsonb().notNull(),
    /** Miners the selection matched, and how many of them got a command. */
    matched: integer().notNull(),
    queued: integer().notNull(),
    /** The skipped miners (at most 1,000 listed; matched − queued counts them all). */
    skipped: jsonb().$type<{ minerId: string; name: string; reason: string }[]>().notNull().default([]),
    siteIds: uuid().array().notNull().default(sql`'{}'`),
    requestedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('edge_command_batches_org_idx').on(t.orgId, t.createdAt)],
);

export const edgeCommands = pgTable(
  'edge_commands',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    siteId: uuid().notNull().references(() => sites.id, { onDelete: 'cascade' }),
    minerId: uuid().notNull().references(() => miners.id, { onDelete: 'cascade' }),
    commandType: edgeCommandType().notNull(),
    params: jsonb().notNull().default({}),
    status: edgeCommandStatus().notNull().default('QUEUED'),
    requestedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    leasedBy: uuid().references(() => edgeDevices.id, { onDelete: 'set null' }),
    leaseUntil: timestamp({ withTimezone: true }),
    attempts: integer().notNull().default(0),
    /** Issued with each lease; the ack must echo it, and a repeated ack with it changes nothing. */
    ackNonce: text(),
    result: jsonb(),
    executionTimeMs: integer(),
    finishedAt: timestamp({ withTimezone: true }),
    /** The bulk action that queued it (its progress view), null for a command queued on its own. */
    batchId: uuid().references(() => edgeCommandBatches.id, { onDelete: 'set null' }),
  },
  (t) => [
    index('edge_commands_batch_idx').on(t.batchId).where(sql`batch_id is not null`),
    index('edge_commands_site_status_idx').on(t.siteId, t.status, t.createdAt),
    index('edge_commands_miner_idx').on(t.minerId, t.createdAt),
    index('edge_commands_org_idx').on(t.orgId, t.createdAt),
  ],
);

export const edgeAlertKind = pgEnum('edge_alert_kind', ALERT_KINDS);
export const edgeAlertStatus = pgEnum('edge_alert_status', ['OPEN', 'ACKNOWLEDGED', 'RESOLVED']);

/** A rule applies to the miners matching every target it names (none = the whole organization). */
export const edgeAlertRules = pgTable(
  'edge_alert_rules',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    kind: edgeAlertKind().notNull(),
    /** Minutes for OFFLINE, °C for TEMP_HIGH, percent for HASHRATE_LOW and REJECT_RATE_HIGH; unused for FAN_FAILURE. */
    threshold: integer().notNull(),
    /** Only critical alerts escalate (alert_escalation_settings). */
    severity: alertSeverity().notNull().default('warning'),
    siteId: uuid().references(() => sites.id, { onDelete: 'cascade' }),
    modelId: integer(),
    customerId: uuid(),
    enabled: integer().notNull().default(1),
    /** Where opened and resolved alerts are sent (email or webhook, via lib/integrations/notify); none = in-app only. */
    channelId: uuid().references(() => notificationChannels.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('edge_alert_rules_org_idx').on(t.orgId)],
);

export const edgeAlerts = pgTable(
  'edge_alerts',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    siteId: uuid().notNull().references(() => sites.id, { onDelete: 'cascade' }),
    ruleId: uuid().notNull().references(() => edgeAlertRules.id, { onDelete: 'cascade' }),
    minerId: uuid().notNull().references(() => miners.id, { onDelete: 'cascade' }),
    status: edgeAlertStatus().notNull().default('OPEN'),
    value: text(),
    openedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    acknowledgedAt: timestamp({ withTimezone: true }),
    acknowledgedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    resolvedAt: timestamp({ withTimezone: true }),
    /** Set once when the unacknowledged alert went to the second contact; never escalates twice. */
    escalatedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    // De-duplication: at most one unresolved alert per rule and miner.
    uniqueIndex('edge_alerts_active_uq').on(t.ruleId, t.minerId).where(sql`${t.status} <> 'RESOLVED'`),
    index('edge_alerts_org_status_idx').on(t.orgId, t.status, t.openedAt),
    index('edge_alerts_escalation_idx').on(t.openedAt).where(sql`${t.status} = 'OPEN' and ${t.escalatedAt} is null`),
  ],
);

/** Miner credentials sealed in the browser to the site collector's key; the server never sees plaintext. */
export const edgeMinerCredentials = pgTable('edge_miner_credentials', {
  minerId: uuid().primaryKey().references(() => miners.id, { onDelete: 'cascade' }),
  orgId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
  siteId: uuid().notNull().references(() => sites.id, { onDelete: 'cascade' }),
  keyVersion: integer().notNull(),
  counter: integer().notNull(),
  ciphertext: text().notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
