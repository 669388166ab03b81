import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { brands } from './brands';
import { sites } from './tenancy';
import { organizations } from './tenancy';

/**
 * A public price list entry (seed 004's plans, for a hosting business): what hosting at a site costs,
 * priced as a contract is (`pricing` and `rate` in the contract's units: milli-cents per kWh, or
 * cents per miner-month or per reserved kW-month). Published plans show on the landing page of the
 * organization's brands — every brand, or the one `brand_id` names.
 */
export const hostingPlans = pgTable(
  'hosting_plans',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    siteId: uuid().notNull().references(() => sites.id, { onDelete: 'cascade' }),
    brandId: uuid().references(() => brands.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    pricing: text().notNull(),
    rate: bigint({ mode: 'number' }).notNull(),
    minTermMonths: integer().notNull().default(1),
    notes: text(),
    published: boolean().notNull().default(true),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('hosting_plans_site_name_uq').on(t.siteId, t.name),
    index('hosting_plans_org_idx').on(t.orgId),
    check('hosting_plans_pricing_ck', sql`${t.pricing} in ('per_kwh', 'per_miner_month', 'per_kw_reserved')`),
    check('hosting_plans_rate_ck', sql`${t.rate} >= 0`),
  ],
);
