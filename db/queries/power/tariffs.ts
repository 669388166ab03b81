import { asc, eq } from 'drizzle-orm';
import type { Tariff } from '@/lib/domain/power/tariff';
import type { Db } from '../../client';
import { siteTariffs } from '../../schema';

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
