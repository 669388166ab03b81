import { sql } from 'drizzle-orm';
import { bigint, index, inet, integer, numeric, pgEnum, pgTable, primaryKey, serial, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { brands } from './brands';
import { organizations, sites } from './tenancy';

export const customerTier = pgEnum('customer_tier', ['STANDARD', 'ENTERPRISE', 'VIP']);
export const minerStatus = pgEnum('miner_status', ['active', 'offline', 'maintenance', 'sold']);
export const cooling = pgEnum('cooling', ['air', 'hydro', 'immersion']);

export const minerModels = pgTable('miner_models', {
  id: serial().primaryKey(),
  vendor: text().notNull(),
  name: text().notNull().unique(),
  hashrateThs: numeric({ precision: 10, scale: 2 }).notNull(),
  powerW: integer().notNull(),
  cooling: cooling().notNull().default('air'),
});

export const customers = pgTable(
  'customers',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    company: text(),
    // Lower-cased; a CLIENT user is linked to the customer whose email matches theirs.
    email: text(),
    phone: text(),
    tier: customerTier().notNull().default('STANDARD'),
    /** The white-label brand whose portal this customer signs in to; null = the default HashInsight look. */
    brandId: uuid().references(() => brands.id, { onDelete: 'set null' }),
    /*
     * What the CRM↔hosting sync (db/queries/crm/hosting-sync.ts) last took from the customer's hosting
     * account: units in service, the model with most of them, the expected revenue per day at that run's
     * network snapshot, and why the last sync of this customer failed (a code; null when it did not).
     * All null until the first sync; a customer the sync skips (no linked account) keeps its last figures.
     */
    hostingMinersCount: integer(),
    hostingPrimaryModel: text(),
    hostingRevenueSatsPerDay: bigint({ mode: 'number' }),
    hostingRevenueCentsPerDay: bigint({ mode: 'number' }),
    hostingSyncedAt: timestamp({ withTimezone: true }),
    hostingSyncError: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('customers_org_email_uq').on(t.orgId, t.email).where(sql`${t.email} is not null`),
    // The hosting link matches e-mails trimmed and case-insensitively (db/queries/crm/hosting-link.ts).
    index('customers_org_email_norm_idx').on(t.orgId, sql`lower(btrim(${t.email}))`),
    index('customers_org_name_idx').on(t.orgId, t.name),
    index('customers_brand_idx').on(t.brandId),
  ],
);

export const miners = pgTable(
  'miners',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    siteId: uuid().notNull().references(() => sites.id, { onDelete: 'restrict' }),
    customerId: uuid().references(() => customers.id, { onDelete: 'set null' }),
    modelId: integer().notNull().references(() => minerModels.id),
    name: text().notNull(),
    serial: text(),
    ipAddress: inet(),
    macAddress: text(),
    workerName: text(),
    quantity: integer().notNull().default(1),
    status: minerStatus().notNull().default('active'),
    electricityUsdPerKwhOverride: numeric({ precision: 10, scale: 5 }),
    /**
     * Lower-cased name, serial, MAC, worker and IP in one column for the list's quick search, kept by
     * PostgreSQL itself. A trigram GIN index on it answers `like '%fragment%'` without a scan; an
     * index on the bare expression is not chosen by the planner, which underprices computing it per row.
     */
    searchText: text().generatedAlwaysAs(
      sql`lower(coalesce("name", '') || ' ' || coalesce("serial", '') || ' ' || coalesce("mac_address", '') || ' ' || coalesce("worker_name", '') || ' ' || coalesce(host("ip_address"), ''))`,
    ),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('miners_site_serial_uq').on(t.siteId, t.serial).where(sql`${t.serial} is not null`),
    uniqueIndex('miners_site_mac_uq').on(t.siteId, t.macAddress).where(sql`${t.macAddress} is not null`),
    // Ingest matches a reading's MAC whatever case a form stored it in: one probe per reading.
    index('miners_site_mac_lower_idx').on(t.siteId, sql`lower(${t.macAddress})`).where(sql`${t.macAddress} is not null`),
    uniqueIndex('miners_site_ip_uq').on(t.siteId, t.ipAddress).where(sql`${t.ipAddress} is not null`),
    index('miners_org_site_idx').on(t.orgId, t.siteId),
    index('miners_org_customer_idx').on(t.orgId, t.customerId),
    index('miners_org_status_idx').on(t.orgId, t.status),
    index('miners_model_idx').on(t.modelId),
    index('miners_search_trgm_idx').using('gin', t.searchText.op('gin_trgm_ops')),
  ],
);

/**
 * A site's floor layout imported from CSV (room, row, rack, slot per miner), used by the rack map
 * instead of the naming pattern while the site has any. A miner moved to another site keeps its row
 * here but no longer shows: the map joins on the miner's current site. Room '' means none; a null
 * row counts as row 0 for uniqueness, so one place holds one miner.
 */
export const siteLayoutPositions = pgTable(
  'site_layout_positions',
  {
    siteId: uuid().notNull().references(() => sites.id, { onDelete: 'cascade' }),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    minerId: uuid().notNull().references(() => miners.id, { onDelete: 'cascade' }),
    room: text().notNull().default(''),
    rowNo: integer(),
    rack: integer().notNull(),
    slot: integer().notNull(),
  },
  (t) => [
    primaryKey({ name: 'site_layout_positions_pk', columns: [t.siteId, t.minerId] }),
    uniqueIndex('site_layout_positions_place_uq').on(t.siteId, t.room, sql`coalesce(${t.rowNo}, 0)`, t.rack, t.slot),
    index('site_layout_positions_miner_idx').on(t.minerId),
  ],
);
