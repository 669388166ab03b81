import { eq } from 'drizzle-orm';
import type { PriceSlot } from '@/lib/domain/power/curtailment/savings';
import { usdPerKwhToMc } from '@/lib/domain/power/tariff';
import type { Db } from '../../client';
import { sites } from '../../schema';
import { hourlyHashpriceUsd } from '../market/hourly-hashprice';

/**
 * The prices of each hour of [from, to) at a site, for pricing a curtailment: the hashprice of the
 * hour (market history) and the site's rate per kWh.
 */
export async function curtailmentPriceSlots(db: Db, siteId: string, from: Date, to: Date): Promise<PriceSlot[]> {
  const [site] = await db.select({ usdPerKwh: sites.electricityUsdPerKwh }).from(sites).where(eq(sites.id, siteId));
  const rateMc = site ? usdPerKwhToMc(site.usdPerKwh) : null;
  const hours = await hourlyHashpriceUsd(db, from, to);
  return hours.map((h) => ({ from: h.hourStart, to: new Date(h.hourStart.getTime() + 3_600_000), rateMcPerKwh: rateMc, hashpriceUsdPerPhDay: h.usd }));
}
