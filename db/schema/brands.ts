import { sql } from 'drizzle-orm';
import { boolean, check, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organizations } from './tenancy';

/**
 * A white-label brand: a hosting customer group or reseller with its own subdomain, name, logo and
 * colours. The subdomain is unique across organizations because the Host header alone picks the brand.
 * Customers join a brand through customers.brand_id.
 */
export const brands = pgTable(
  'brands',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    /** A lower-case DNS label (lib/domain/brands/subdomain.ts). */
    subdomain: text().notNull(),
    displayName: text().notNull(),
    /** An https URL, or a small image kept inline as a data: URL so no file store is needed. */
    logo: text(),
    primaryColor: text().notNull().default('#f7931a'),
    accentColor: text().notNull().default('#f7931a'),
    supportEmail: text(),
    enabled: boolean().notNull().default(true),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('brands_subdomain_uq').on(t.subdomain),
    index('brands_org_idx').on(t.orgId),
    // Guards the host look-up even against writes that skip the app's validation.
    check('brands_subdomain_lower_ck', sql`${t.subdomain} = lower(${t.subdomain})`),
  ],
);
