import { and, asc, eq } from 'drizzle-orm';
import type { Scope } from '@/lib/core/scope';
import { type Tariff, usdPerKwhToMc } from '@/lib/domain/power/tariff';
import type { Db } from '../../client';
import { sites, siteTariffs } from '../../schema';
import { scopeWhere } from '../scope';

type Row = typeof siteTariffs.$inferSelect;

export function toTariff(r: Row): Tariff {
  return {
    id: r.id,
    effectiveFrom: r.effectiveFrom,
    kind: r.kind === 'tou' ? 'tou' : 'flat',
    ratesMcPerKwh: r.ratesMcPerKwh,
    seasons: r.seasons,
    holidays: r.holidays,
    demandCentsPerKw: r.demandCentsPerKw,
    fixedMonthlyCents: r.fixedMonthlyCents,
  };
}

/**
 * Before a site's first tariff version (or when it has none) its flat price per kWh
 * (sites.electricity_usd_per_kwh) is its tariff: a base version in force from the epoch, id
 * `site-price:<site id>`, so every hour has a price. Issued bills keep the prices they were issued with.
 */
export function sitePriceVersion(siteId: string, electricityUsdPerKwh: string): Tariff {
  return { id: `site-price:${siteId}`, effectiveFrom: new Date(0), kind: 'flat', ratesMcPerKwh: { flat: usdPerKwhToMc(electricityUsdPerKwh) }, seasons: [], holidays: [], demandCentsPerKw: 0, fixedMonthlyCents: 0 };
}

/** A site's versions (oldest first) with its flat price as the base, unless a version is in force from the epoch. */
export const withBase = (siteId: string, price: string, versions: Tariff[]) => (versions[0] && versions[0].effectiveFrom.getTime() <= 0 ? versions : [sitePriceVersion(siteId, price), ...versions]);

/** Every version of a site's tariff, oldest first, the site's flat price as the base (the caller has checked the site is in scope). */
export async function siteTariffVersions(db: Db, siteId: string): Promise<Tariff[]> {
  const [site] = await db.select({ price: sites.electricityUsdPerKwh }).from(sites).where(eq(sites.id, siteId));
  if (!site) return [];
  const rows = await db.select().from(siteTariffs).where(eq(siteTariffs.siteId, siteId)).orderBy(asc(siteTariffs.effectiveFrom));
  return withBase(siteId, site.price, rows.map(toTariff));
}

/** Sites in scope with every version of their tariff, oldest first (staff: a tariff is the host's cost). */
export async function tariffsInScope(db: Db, scope: Scope, siteId?: string) {
  const rows = await db
    .select({ site: { id: sites.id, name: sites.name, timeZone: sites.timeZone, electricityUsdPerKwh: sites.electricityUsdPerKwh }, tariff: siteTariffs })
    .from(sites)
    .leftJoin(siteTariffs, eq(siteTariffs.siteId, sites.id))
    .where(and(scopeWhere({ orgId: sites.orgId, siteId: sites.id }, scope), siteId ? eq(sites.id, siteId) : undefined))
    .orderBy(asc(sites.name), asc(siteTariffs.effectiveFrom));
  const out = new Map<string, { id: string; name: string; timeZone: string; electricityUsdPerKwh: string; versions: Tariff[] }>();
  for (const r of rows) {
    const s = out.get(r.site.id) ?? { ...r.site, versions: [] };
    if (r.tariff) s.versions.push(toTariff(r.tariff));
    out.set(r.site.id, s);
  }
  return [...out.values()].map((x) => ({ ...x, versions: withBase(x.id, x.electricityUsdPerKwh, x.versions) }));
}
