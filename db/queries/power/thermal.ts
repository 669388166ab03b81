import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../client';
import { edgeCommands } from '../../schema';
import { FRESH_READING_MS } from './curtailment-fleet';

export type ThermalCandidate = { minerId: string; orgId: string; siteId: string; model: string; vendor: string; normalW: number; chipC: number; targetW: number | null };

/**
 * Miners of the sites that opted in to thermal control (an enabled curtailment_plans row in mode
 * 'thermal') with a fresh reading, not in an open curtailment, each with the target thermal control set
 * last (its newest SET_POWER_TARGET with params.source 'thermal'; null once it restored normal power).
 */
export async function thermalCandidates(db: Db, now: Date): Promise<ThermalCandidate[]> {
  const fresh = new Date(now.getTime() - FRESH_READING_MS).toISOString();
  const rows = await queryRows<{ miner_id: string; org_id: string; site_id: string; model: string; vendor: string; normal_w: number; chip_c: number; watts: number | null; restore: boolean | null }>(
    db,
    sql`select m.id as miner_id, m.org_id, m.site_id, mm.name as model, mm.vendor, mm.power_w * m.quantity as normal_w, l.temp_chip_max_c as chip_c, last.watts, last.restore
        from curtailment_plans p
        join miners m on m.site_id = p.site_id and m.org_id = p.org_id and m.status not in ('sold', 'maintenance')
        join miner_models mm on mm.id = m.model_id
        join miner_telemetry_live l on l.miner_id = m.id and l.online and l.collected_at >= ${fresh}::timestamptz and l.temp_chip_max_c is not null
        left join lateral (
          select (c.params->>'watts')::int as watts, coalesce((c.params->>'restore')::boolean, false) as restore
          from edge_commands c where c.miner_id = m.id and c.command_type = 'SET_POWER_TARGET' and c.params->>'source' = 'thermal'
          order by c.created_at desc limit 1) last on true
        where p.mode = 'thermal' and p.enabled
          and not exists (select 1 from curtailment_event_miners em join curtailment_events e on e.id = em.event_id where em.miner_id = m.id and e.status <> 'completed')`,
  );
  return rows.map((r) => ({ minerId: r.miner_id, orgId: r.org_id, siteId: r.site_id, model: r.model, vendor: r.vendor, normalW: Number(r.normal_w), chipC: Number(r.chip_c), targetW: r.watts === null || r.restore ? null : Number(r.watts) }));
}

/** Queues the thermal power targets (restore = back to normal power, which ends the override). */
export async function queueThermalTargets(db: Db, targets: { minerId: string; orgId: string; siteId: string; watts: number; restore: boolean }[], now: Date) {
  if (!targets.length) return 0;
  await db.insert(edgeCommands).values(
    targets.map((t) => ({
      orgId: t.orgId,
      siteId: t.siteId,
      minerId: t.minerId,
      commandType: 'SET_POWER_TARGET' as const,
      params: { watts: t.watts, source: 'thermal', ...(t.restore ? { restore: true } : {}) },
      createdAt: now,
      expiresAt: new Date(now.getTime() + 600_000),
    })),
  );
  return targets.length;
}
