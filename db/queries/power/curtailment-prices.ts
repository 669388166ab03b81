import { eq } from 'drizzle-orm';
import type { PriceSlot } from '@/lib/domain/power/curtailment/savings';
import { pricedSlots, usdPerKwhToMc } from '@/lib/domain/power/tariff';
import type { Db } from '../../client';
import { sites } from '../../schema';
import { hourlyHashpriceUsd } from '../market/hourly-hashprice';
import { siteTariffVersions } from './tariffs';

const SLOT_MS = 300_000;

/**
 * The prices of [from, to) at a site, in five-minute slots, for pricing a curtailment: the rate of
 * the site's tariff in force at each slot (time-of-use window in the site's zone, effective-dated
 * versions), else — a site with no tariff yet — its flat rate per kWh; and the hashprice of the
 * slot's hour from the market history (null where there is none).
 */
export async function curtailmentPriceSlots(db: Db, siteId: string, from: Date, to: Date): Promise<PriceSlot[]> {
  const [site] = await db.select({ usdPerKwh: sites.electricityUsdPerKwh, timeZone: sites.timeZone }).from(sites).where(eq(sites.id, siteId));
  if (!site) return [];
  const tariffs = await siteTariffVersions(db, siteId);
  const start = new Date(Math.floor(from.getTime() / SLOT_MS) * SLOT_MS);
  const hours = new Map((await hourlyHashpriceUsd(db, start, to)).map((h) => [h.hourStart.getTime(), h.usd]));
  const flatMc = usdPerKwhToMc(site.usdPerKwh);
  const slots = tariffs.length
    ? pricedSlots(tariffs, site.timeZone, start, to, SLOT_MS).map((s) => ({ start: s.start, rateMcPerKwh: s.tariffId === null ? null : s.rateMcPerKwh }))
    : Array.from({ length: Math.ceil((to.getTime() - start.getTime()) / SLOT_MS) }, (_, i) => ({ start: new Date(start.getTime() + i * SLOT_MS), rateMcPerKwh: flatMc }));
  return slots.map((s) => ({
    from: s.start,
    to: new Date(s.start.getTime() + SLOT_MS),
    rateMcPerKwh: s.rateMcPerKwh,
    hashpriceUsdPerPhDay: hours.get(Math.floor(s.start.getTime() / 3_600_000) * 3_600_000) ?? null,
  }));
}
