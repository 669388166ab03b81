import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organizations, users } from './tenancy';

/**
 * One-time links sent by e-mail: invitations, password resets, and whatever else a purpose names
 * (turning an approved lead into a portal user). Only the SHA-256 of the link's token is kept, so a
 * leaked table opens nothing; a token is used once (used_at) and dies at expires_at. `payload` holds
 * what the link grants (an invitation's role, sites, customer), never a secret.
 */
export const oneTimeTokens = pgTable(
  'one_time_tokens',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    purpose: text().notNull(),
    // Lower-cased, as users.email.
    email: text().notNull(),
    /** The existing account the link is for (a password reset); null for an invitation. */
    userId: uuid().references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text().notNull().unique(),
    payload: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('one_time_tokens_org_purpose_email_idx').on(t.orgId, t.purpose, t.email)],
);
