import { and, asc, eq } from 'drizzle-orm';
import type { Scope } from '@/lib/core/scope';
import type { Tariff } from '@/lib/domain/power/tariff';
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

/** Every version of a site's tariff, oldest first (the caller has checked the site is in scope). */
export async function siteTariffVersions(db: Db, siteId: string): Promise<Tariff[]> {
  const rows = await db.select().from(siteTariffs).where(eq(siteTariffs.siteId, siteId)).orderBy(asc(siteTariffs.effectiveFrom));
  return rows.map(toTariff);
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
  return [...out.values()];
}
