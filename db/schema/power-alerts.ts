import { check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { notificationChannels } from './alerts';
import { energySource, organizations, sites } from './tenancy';

const at = () => timestamp({ withTimezone: true });

/**
 * A power alert raised by the power-alerts job (lib/domain/power/alerts.ts decides). `period` names
 * what it is about — the peak window's start, the hour judged, the local month, the tariff version,
 * the last meter reading — so (site, kind, period) is raised once however often the job runs.
 * `notified_at` is set once its channels were sent to: a failed step resends only what is unsent.
 */
export const powerAlerts = pgTable(
  'power_alerts',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    siteId: uuid().notNull().references(() => sites.id, { onDelete: 'cascade' }),
    kind: text().notNull(),
    severity: text().notNull(),
    period: text().notNull(),
    detail: jsonb().$type<Record<string, string | number | null>>().notNull(),
    raisedAt: at().notNull().defaultNow(),
    notifiedAt: at(),
  },
  (t) => [uniqueIndex('power_alerts_site_kind_period_uq').on(t.siteId, t.kind, t.period), index('power_alerts_org_raised_idx').on(t.orgId, t.raisedAt)],
);

/** The channels an organization's power alerts go to (chosen by an owner or admin on /power/alerts). */
export const powerAlertChannels = pgTable(
  'power_alert_channels',
  {
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    channelId: uuid().notNull().references(() => notificationChannels.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.channelId] })],
);

/**
 * A site's energy mix, effective-dated: each source's share in basis points (1/100 of a percent) from
 * `effective_from` until the site's next version; a version's rows sum to 10,000
 * (db/queries/power/energy-mix.ts writes them together). An edit adds a version from the next hour,
 * so an aggregated hour's CO₂ never changes under it. Before its first version (and without any) a
 * site is 100 % its `sites.energy_source`; rows stored before versions existed start at 1970-01-01.
 */
export const siteEnergyMix = pgTable(
  'site_energy_mix',
  {
    siteId: uuid().notNull().references(() => sites.id, { onDelete: 'cascade' }),
    effectiveFrom: at().notNull(),
    source: energySource().notNull(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    shareBp: integer().notNull(),
    createdBy: uuid(),
    updatedAt: at().notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.siteId, t.effectiveFrom, t.source] }), check('site_energy_mix_share_ck', sql`${t.shareBp} between 1 and 10000`)],
);
