import { sql } from 'drizzle-orm';
import { AppError } from '@/lib/core/errors';
import { type Scope, scopeAllowsSite } from '@/lib/core/scope';
import { type AdviceMiner, adviseCurtailment, type HashpriceAt, windowRuns } from '@/lib/domain/power/advice';
import { pricedSlots } from '@/lib/domain/power/tariff';
import { type Db, queryRows } from '../../client';
import { latestForecasts } from '../forecast/forecasts';
import { latestSnapshot } from '../market/snapshots';
import { scopeWhere } from '../scope';
import { tariffsInScope } from './tariffs';

export const ADVICE_HORIZON_H = 48;
const EFFICIENCY_DAYS = 7;
const SLOT_MS = 900_000;

/**
 * Each active miner's measured draw and hashrate at a site: sample-weighted averages of its daily
 * rows over the last 7 full UTC days (days it was online at least half of), so J/TH is what the
 * machine does, not its nameplate. A miner without such days is left out rather than guessed.
 */
export async function measuredEfficiency(db: Db, scope: Scope, siteId: string, now: Date): Promise<AdviceMiner[]> {
  const today = now.toISOString().slice(0, 10);
  const rows = await queryRows<{ id: string; name: string; power_w: string; hashrate_ths: string }>(
    db,
    sql`select m.id, m.name,
          sum(d.power_avg_w * d.samples) / sum(d.samples) filter (where d.power_avg_w is not null) as power_w,
          sum(d.hashrate_avg_ths * d.samples) / sum(d.samples) filter (where d.hashrate_avg_ths is not null) as hashrate_ths
        from miners m join telemetry_daily d on d.miner_id = m.id
        where ${scopeWhere({ orgId: sql`m.org_id`, siteId: sql`m.site_id`, customerId: sql`m.customer_id` }, scope)} and m.site_id = ${siteId} and m.status = 'active'
          and d.day >= ${today}::date - ${EFFICIENCY_DAYS}::int and d.day < ${today}::date and d.online_ratio >= 0.5
        group by m.id, m.name
        having sum(d.hashrate_avg_ths * d.samples) > 0 and sum(d.power_avg_w * d.samples) > 0`,
  );
  return rows.map((r) => ({ minerId: r.id, name: r.name, powerW: Number(r.power_w), hashrateThs: Number(r.hashrate_ths) }));
}

/**
 * The expected hashprice at an instant: the stored revenue-per-TH forecast's median for that UTC day
 * (× 1000 = USD per PH/s per day), else the latest measured hashprice, labelled with its time.
 */
export async function hashpriceLookup(db: Db): Promise<HashpriceAt> {
  const [forecasts, snapshot] = await Promise.all([latestForecasts(db), latestSnapshot(db)]);
  const revenue = forecasts.find((f) => f.series === 'revenue');
  const medians = new Map((revenue?.result.points ?? []).filter((p) => p.median !== null && p.value === null).map((p) => [p.t, p.median! * 1000]));
  return (start) => {
    const day = start.toISOString().slice(0, 10);
    const f = medians.get(day);
    if (f !== undefined && revenue) return { usdPerPhDay: f, source: { kind: 'forecast', day, storedOn: revenue.day } };
    return snapshot ? { usdPerPhDay: snapshot.hashpriceUsdPerPhDay, source: { kind: 'measured', at: snapshot.bucketStart.toISOString() } } : null;
  };
}

/** The advice for a site over the next 48 hours, in 15-minute tariff slots joined into windows. */
export async function loadPowerAdvice(db: Db, scope: Scope, siteId: string, now: Date) {
  if (!scopeAllowsSite(scope, siteId)) throw new AppError('NOT_FOUND');
  const [site] = await tariffsInScope(db, scope, siteId);
  if (!site) throw new AppError('NOT_FOUND');
  const from = new Date(Math.ceil(now.getTime() / SLOT_MS) * SLOT_MS);
  const runs = windowRuns(pricedSlots(site.versions, site.timeZone, from, new Date(from.getTime() + ADVICE_HORIZON_H * 3_600_000), SLOT_MS), SLOT_MS);
  const [miners, hashpriceAt] = await Promise.all([measuredEfficiency(db, scope, siteId, now), hashpriceLookup(db)]);
  return { site: { id: site.id, name: site.name, timeZone: site.timeZone }, miners: miners.length, windows: adviseCurtailment(miners, runs, hashpriceAt) };
}
