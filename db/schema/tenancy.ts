import { sql } from 'drizzle-orm';
import { boolean, index, integer, numeric, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const energySource = pgEnum('energy_source', ['hydro', 'solar', 'wind', 'nuclear', 'natural_gas', 'coal', 'grid']);

export const organizations = pgTable('organizations', {
  id: uuid().primaryKey().defaultRandom(),
  name: text().notNull(),
  slug: text().notNull().unique(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const sites = pgTable(
  'sites',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    location: text().notNull(),
    timeZone: text().notNull(),
    energySource: energySource().notNull(),
    contractedKw: integer().notNull(),
    electricityUsdPerKwh: numeric({ precision: 10, scale: 5 }).notNull(),
    /**
     * What the host charges its hosting clients per kWh at this site (their hosting fee), until CRM
     * contracts carry a fee per customer; null: not set, so no client's earnings are shown net of it.
     * Unlike electricityUsdPerKwh (the host's cost) a client may see it: it is what the client pays.
     */
    clientUsdPerKwh: numeric({ precision: 10, scale: 5 }),
    /** The rack map's naming pattern ({room}-R{row}-K{rack}-{slot}); null reads the default. */
    layoutPattern: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('sites_org_name_uq').on(t.orgId, t.name)],
);

export const users = pgTable('users', {
  id: uuid().primaryKey().defaultRandom(),
  // Stored lower-cased so look-ups and the unique key ignore case.
  email: text().notNull().unique(),
  name: text().notNull(),
  passwordHash: text().notNull(),
  locale: text().notNull().default('en'),
  isDemo: boolean().notNull().default(false),
  disabledAt: timestamp({ withTimezone: true }),
  lastLoginAt: timestamp({ withTimezone: true }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const memberships = pgTable(
  'memberships',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid().notNull().references(() => users.id, { onDelete: 'cascade' }),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    // Free text on purpose: rows imported from the original system carry legacy names
    // (site_manager, customer, …) that lib/core/roles.ts normalises when read.
    role: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('memberships_user_org_uq').on(t.userId, t.orgId), index('memberships_org_idx').on(t.orgId)],
);

export const membershipSites = pgTable(
  'membership_sites',
  {
    membershipId: uuid().notNull().references(() => memberships.id, { onDelete: 'cascade' }),
    siteId: uuid().notNull().references(() => sites.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.membershipId, t.siteId] })],
);

// A membership with no period is open-ended; with periods, "now" must fall inside one of them.
export const accessPeriods = pgTable(
  'access_periods',
  {
    id: uuid().primaryKey().defaultRandom(),
    membershipId: uuid().notNull().references(() => memberships.id, { onDelete: 'cascade' }),
    validFrom: timestamp({ withTimezone: true }).notNull(),
    validUntil: timestamp({ withTimezone: true }),
    note: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('access_periods_membership_idx').on(t.membershipId)],
);

// Fixed-window counters shared by every app instance (login throttling, API limits).
export const rateLimitBuckets = pgTable('rate_limit_buckets', {
  key: text().primaryKey(),
  windowStart: timestamp({ withTimezone: true }).notNull(),
  count: integer().notNull(),
});

export const appSettings = pgTable('app_settings', {
  key: text().primaryKey(),
  value: text().notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull().default(sql`now()`),
});
