import { sql } from 'drizzle-orm';
import { bigserial, check, index, integer, numeric, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { CHANNEL_FORMATS } from '../../lib/domain/alerts/channel-formats';
import { RULE_KINDS } from '../../lib/domain/alerts/rule-kinds';
import { ALERT_SEVERITIES } from '../../lib/domain/alerts/severity';
import { organizations, users } from './tenancy';

export const alertsChannelKind = pgEnum('alerts_channel_kind', ['email', 'webhook']);
export const alertsDeliveryStatus = pgEnum('alerts_delivery_status', ['pending', 'sent', 'failed']);
export const alertsRuleKind = pgEnum('alerts_rule_kind', RULE_KINDS);
export const alertsRuleState = pgEnum('alerts_rule_state', ['armed', 'breached']);
export const alertSeverity = pgEnum('alert_severity', ALERT_SEVERITIES);

/**
 * Where a user's notifications go. Webhook secrets are AES-256-GCM ciphertext (lib/integrations/notify/secret-box.ts)
 * and never leave the server. A webhook's `format` is its body: `signed` (our JSON with an HMAC
 * header; the secret is the signing key), `slack` (the whole URL is the secret, `target` shows it
 * masked) or `telegram` (the bot token is the secret, `target` is the chat id).
 */
export const notificationChannels = pgTable(
  'notification_channels',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    userId: uuid().notNull().references(() => users.id, { onDelete: 'cascade' }),
    kind: alertsChannelKind().notNull(),
    label: text().notNull(),
    // An email address or an https/http URL.
    target: text().notNull(),
    secretEnc: text(),
    format: text({ enum: CHANNEL_FORMATS }).notNull().default('signed'),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('notification_channels_user_target_uq').on(t.userId, t.kind, t.target),
    index('notification_channels_org_idx').on(t.orgId),
    check('notification_channels_format_ck', sql`${t.format} in ('signed', 'slack', 'telegram')`),
  ],
);

/**
 * The organization's escalation: a critical alert (edge or pool) nobody acknowledged within
 * `afterMinutes` of opening goes once to `channelId`, the second contact.
 */
export const alertEscalationSettings = pgTable('alert_escalation_settings', {
  orgId: uuid()
    .primaryKey()
    .references(() => organizations.id, { onDelete: 'cascade' }),
  afterMinutes: integer().notNull(),
  channelId: uuid().references(() => notificationChannels.id, { onDelete: 'set null' }),
  updatedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** One row per notification: every attempt is counted here, failures keep their last error. */
export const notificationDeliveries = pgTable(
  'notification_deliveries',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    userId: uuid().references(() => users.id, { onDelete: 'set null' }),
    channelId: uuid().references(() => notificationChannels.id, { onDelete: 'set null' }),
    channel: alertsChannelKind().notNull(),
    target: text().notNull(),
    kind: text().notNull(),
    // The same key is never delivered twice (a job re-run, a retried step).
    dedupeKey: text(),
    subject: text().notNull(),
    status: alertsDeliveryStatus().notNull().default('pending'),
    attempts: integer().notNull().default(0),
    responseStatus: integer(),
    lastError: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex('notification_deliveries_dedupe_uq').on(t.dedupeKey).where(sql`${t.dedupeKey} is not null`),
    index('notification_deliveries_user_created_idx').on(t.userId, t.createdAt),
    index('notification_deliveries_org_created_idx').on(t.orgId, t.createdAt),
  ],
);

/** Personal fleet figures behind the personalised revenue, power cost and profit. */
export const userMiningSettings = pgTable('user_mining_settings', {
  userId: uuid()
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  orgId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
  electricityUsdPerKwh: numeric({ precision: 10, scale: 5 }).notNull(),
  efficiencyJPerTh: numeric({ precision: 10, scale: 3 }).notNull(),
  hashrateThs: numeric({ precision: 14, scale: 3 }).notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/**
 * A user's profitability alert. The state machine lives on the row: armed → breached (one
 * notification, `breachedBucket` remembers which snapshot) → armed again after recovery.
 */
export const profitabilityAlertRules = pgTable(
  'profitability_alert_rules',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    userId: uuid().notNull().references(() => users.id, { onDelete: 'cascade' }),
    kind: alertsRuleKind().notNull(),
    threshold: numeric({ precision: 18, scale: 6 }).notNull(),
    state: alertsRuleState().notNull().default('armed'),
    stateChangedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    breachedBucket: timestamp({ withTimezone: true }),
    lastEvaluatedBucket: timestamp({ withTimezone: true }),
    lastValue: numeric({ precision: 24, scale: 6 }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('profitability_alert_rules_user_idx').on(t.userId), index('profitability_alert_rules_org_idx').on(t.orgId)],
);

export const profitabilityAlertRuleChannels = pgTable(
  'profitability_alert_rule_channels',
  {
    ruleId: uuid()
      .notNull()
      .references(() => profitabilityAlertRules.id, { onDelete: 'cascade' }),
    channelId: uuid()
      .notNull()
      .references(() => notificationChannels.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.ruleId, t.channelId] }), index('profitability_alert_rule_channels_channel_idx').on(t.channelId)],
);
