import { and, eq, sql } from 'drizzle-orm';
import { AppError } from '@/lib/core/errors';
import { type Scope, scopeAllowsSite } from '@/lib/core/scope';
import type { FeederCaps } from '@/lib/domain/power/curtailment/types';
import { type Db, queryRows } from '../../client';
import { powerFeeders } from '../../schema';
import { recordAudit } from '../admin/audit';

/** The site's feeder caps in kW by feeder id (the key the fleet's miners carry), empty without feeders. */
export async function siteFeederCaps(db: Db, scope: Scope, siteId: string): Promise<FeederCaps> {
  if (!scopeAllowsSite(scope, siteId)) return {};
  const rows = await db
    .select({ id: powerFeeders.id, capKw: powerFeeders.capKw })
    .from(powerFeeders)
    .where(and(eq(powerFeeders.orgId, scope.orgId), eq(powerFeeders.siteId, siteId)));
  return Object.fromEntries(rows.map((r) => [r.id, Number(r.capKw)]));
}

export type FeederRow = { id: string; code: string; capKw: number; miners: number; drawW: number };

/** The site's feeders with how many miners hang on each and what they draw now (live readings), by code. */
export async function listSiteFeeders(db: Db, scope: Scope, siteId: string): Promise<FeederRow[]> {
  if (!scopeAllowsSite(scope, siteId)) return [];
  const rows = await queryRows<{ id: string; code: string; cap_kw: string; miners: number; draw_w: number }>(
    db,
    sql`select f.id, f.code, f.cap_kw, count(fm.miner_id)::int as miners, coalesce(sum(case when l.online then l.power_w end), 0)::float8 as draw_w
        from power_feeders f
        left join power_feeder_miners fm on fm.feeder_id = f.id
        left join miner_telemetry_live l on l.miner_id = fm.miner_id
        where f.org_id = ${scope.orgId}::uuid and f.site_id = ${siteId}::uuid
        group by f.id order by f.code`,
  );
  return rows.map((r) => ({ id: r.id, code: r.code, capKw: Number(r.cap_kw), miners: Number(r.miners), drawW: Number(r.draw_w) }));
}

/** Adds a feeder or changes its cap (same site and code), audited. */
export async function upsertFeeder(db: Db, scope: Scope, actorUserId: string | null, p: { siteId: string; code: string; capKw: number }) {
  if (!scopeAllowsSite(scope, p.siteId)) throw new AppError('NOT_FOUND');
  const [row] = await db
    .insert(powerFeeders)
    .values({ orgId: scope.orgId, siteId: p.siteId, code: p.code, capKw: String(p.capKw) })
    .onConflictDoUpdate({ target: [powerFeeders.siteId, powerFeeders.code], set: { capKw: String(p.capKw) }, setWhere: eq(powerFeeders.orgId, scope.orgId) })
    .returning({ id: powerFeeders.id });
  if (!row) throw new AppError('NOT_FOUND');
  await recordAudit(db, { orgId: scope.orgId, actorUserId, action: 'power.feeder.upsert', entityType: 'power_feeder', entityId: row.id, siteIds: [p.siteId], after: p });
  return row.id;
}

export type FeederMapping = {
  feeders: { code: string; capKw: number }[];
  /** A miner by name, serial, MAC, worker or IP; or every miner in a rack of the site's layout. */
  members: { code: string; miner?: string; room?: string; rack?: number }[];
};

/**
 * Replaces the site's feeder map with an import: the feeders it names (with their caps), and which
 * miners hang on each, by miner or by rack. Feeders it does not name are removed. A miner or rack
 * that matches nothing at the site is reported by its line, and nothing is written. One transaction.
 */
export async function replaceFeederMap(db: Db, scope: Scope, actorUserId: string | null, siteId: string, map: FeederMapping) {
  if (!scopeAllowsSite(scope, siteId)) throw new AppError('NOT_FOUND');
  const members = map.members.map((m, i) => ({ line: i, code: m.code, miner: m.miner?.toLowerCase() ?? null, room: m.room ?? null, rack: m.rack ?? null }));
  return db.transaction(async (tx) => {
    // One statement resolves every member to the site's miners: by identifier or by rack.
    const resolved = await queryRows<{ line: number; miner_id: string | null }>(
      tx,
      sql`select r.line, m.id as miner_id
          from jsonb_to_recordset(${JSON.stringify(members)}::jsonb) as r(line int, code text, miner text, room text, rack int)
          left join lateral (
            select mi.id from miners mi
            where mi.org_id = ${scope.orgId}::uuid and mi.site_id = ${siteId}::uuid and r.miner is not null
              and (lower(mi.name) = r.miner or lower(mi.serial) = r.miner or lower(mi.mac_address) = r.miner or lower(mi.worker_name) = r.miner or host(mi.ip_address) = r.miner)
            union all
            select p.miner_id from site_layout_positions p
            where p.site_id = ${siteId}::uuid and r.rack is not null and p.rack = r.rack and (r.room is null or p.room = r.room)
          ) m on true`,
    );
    const missing = [...new Set(resolved.filter((r) => r.miner_id === null).map((r) => r.line))];
    if (missing.length) throw new AppError('VALIDATION', 'Some rows match no miner of the site', { text: 'csvNoMiner' }, { details: { rows: Object.fromEntries(missing.map((l) => [String(l), 'noMiner'])) } });
    await tx.delete(powerFeeders).where(and(eq(powerFeeders.orgId, scope.orgId), eq(powerFeeders.siteId, siteId)));
    const feeders = map.feeders.length
      ? await tx.insert(powerFeeders).values(map.feeders.map((f) => ({ orgId: scope.orgId, siteId, code: f.code, capKw: String(f.capKw) }))).returning({ id: powerFeeders.id, code: powerFeeders.code })
      : [];
    const idOf = new Map(feeders.map((f) => [f.code, f.id]));
    const lineCode = new Map(members.map((m) => [m.line, m.code]));
    // A miner named twice (by itself and in its rack) hangs on the feeder its last line gives.
    const byMiner = new Map(resolved.map((r) => [r.miner_id!, idOf.get(lineCode.get(r.line)!)!]));
    if (byMiner.size) {
      await tx.execute(sql`
        insert into power_feeder_miners (miner_id, feeder_id)
        select (r->>'m')::uuid, (r->>'f')::uuid from jsonb_array_elements(${JSON.stringify([...byMiner].map(([m, f]) => ({ m, f })))}::jsonb) r
        on conflict (miner_id) do update set feeder_id = excluded.feeder_id`);
    }
    await recordAudit(tx, { orgId: scope.orgId, actorUserId, action: 'power.feeder.import', entityType: 'site', entityId: siteId, siteIds: [siteId], after: { feeders: map.feeders.length, miners: byMiner.size } });
    return { feeders: feeders.length, miners: byMiner.size };
  });
}
