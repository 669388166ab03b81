import { sql } from 'drizzle-orm';
import type { Scope } from '@/lib/core/scope';
import { commandSupport } from '@/lib/domain/edge/command-support';
import { firmwareOfModelVendor } from '@/lib/domain/edge/firmware-family';
import type { CurtailMiner, CustomerTier } from '@/lib/domain/power/curtailment/types';
import { type Db, queryRows } from '../../client';
import { scopeWhere } from '../scope';
import { type CurtailmentSettings, NO_CURTAILMENT_SETTINGS } from './curtailment-settings';

/** A reading older than this is not a measurement of now (the collector polls every minute or so). */
export const FRESH_READING_MS = 10 * 60_000;

type Row = {
  id: string;
  customer_id: string | null;
  tier: CustomerTier | null;
  power_w: number;
  hashrate_ths: number;
  nominal_ths: string;
  nominal_w: number;
  uptime: number | null;
  vendor: string | null;
  busy: boolean;
  feeder_id: string | null;
  woke_at: string | null;
};

/**
 * The site's miners as a plan sees them: measured draw and hashrate from a fresh live reading (a miner
 * without one is not planned: its draw is not known), the model's nameplate, the online share of the
 * last two hours of five-minute buckets, the feeder it hangs on, and whether it may be touched — a miner already in another
 * open curtailment, whose firmware cannot sleep, or woken by a curtailment's recovery less than the
 * site's minimum on time ago (`settings.minOnMinutes`), is held on. A miner asleep draws nothing and is
 * not planned at all, so the minimum off time is kept by the run's recovery (execution.ts), not here.
 *
 * Power-target levels (`settings.powerTargetPcts`, percent of the measured draw) are offered to the
 * Optimal solver for firmware that takes a power target; the hashrate at a level is taken as
 * proportional to power — conservative, since a down-clocked chip is at least as efficient, so the
 * revenue kept is not overstated.
 */
export async function curtailmentFleet(db: Db, scope: Scope, siteId: string, now: Date, settings: CurtailmentSettings = NO_CURTAILMENT_SETTINGS): Promise<CurtailMiner[]> {
  const fresh = new Date(now.getTime() - FRESH_READING_MS).toISOString();
  const since = new Date(now.getTime() - 2 * 3_600_000).toISOString();
  const rows = await queryRows<Row>(
    db,
    sql`select m.id, m.customer_id, c.tier, l.power_w, coalesce(l.hashrate_avg_ths, l.hashrate5s_ths, 0) as hashrate_ths,
          mm.hashrate_ths * m.quantity as nominal_ths, mm.power_w * m.quantity as nominal_w, mm.vendor,
          h.uptime, fm.feeder_id,
          exists (select 1 from curtailment_event_miners em join curtailment_events e on e.id = em.event_id
                  where em.miner_id = m.id and e.status <> 'completed') as busy,
          (select max(c.created_at) from curtailment_event_miners em join edge_commands c on c.id = em.restore_command_id where em.miner_id = m.id)::text as woke_at
        from miners m
        join miner_telemetry_live l on l.miner_id = m.id
        join miner_models mm on mm.id = m.model_id
        left join customers c on c.id = m.customer_id
        left join power_feeder_miners fm on fm.miner_id = m.id
        left join lateral (select avg(online_ratio) as uptime from telemetry_history_5min t
                           where t.miner_id = m.id and t.site_id = m.site_id and t.bucket >= ${since}::timestamptz) h on true
        where m.site_id = ${siteId}::uuid and ${scopeWhere({ orgId: sql`m.org_id`, siteId: sql`m.site_id`, customerId: sql`m.customer_id` }, scope)}
          and m.status not in ('sold', 'maintenance')
          and l.online and l.power_w > 0 and l.collected_at >= ${fresh}::timestamptz
        order by m.id`,
  );
  const minOnSince = now.getTime() - settings.minOnMinutes * 60_000;
  return rows.map((r) => {
    const firmware = firmwareOfModelVendor(r.vendor);
    const powerW = Number(r.power_w);
    const hashrateThs = Number(r.hashrate_ths);
    const justWoke = settings.minOnMinutes > 0 && r.woke_at !== null && Date.parse(r.woke_at) > minOnSince;
    // Only firmware known to take a power target, and never a miner another curtailment holds.
    const takesTarget = !r.busy && commandSupport(firmware, 'SET_POWER_TARGET') === 'supported';
    return {
      id: r.id,
      customerId: r.customer_id,
      tier: r.tier,
      powerW,
      hashrateThs,
      nominalHashrateThs: Number(r.nominal_ths),
      nominalPowerW: Number(r.nominal_w),
      uptimeRatio: r.uptime === null ? 1 : Number(r.uptime),
      feederId: r.feeder_id,
      lock: r.busy || justWoke || commandSupport(firmware, 'SLEEP') === 'unsupported' ? 'on' : null,
      levels: takesTarget && settings.powerTargetPcts.length ? settings.powerTargetPcts.map((pct) => ({ powerW: Math.round((powerW * pct) / 100), hashrateThs: (hashrateThs * pct) / 100 })) : undefined,
    };
  });
}
