import { eq, sql } from 'drizzle-orm';
import type { TelemetryRecord } from '@/lib/validation/edge';
import { type Db, queryRows } from '../client';
import { edgeDevices } from '../schema';
import { resolveMiners } from './telemetry-miners';

type Device = { id: string; orgId: string; siteId: string };
export type IngestItem = { record: TelemetryRecord; collectedAt: string };
export type IngestCounts = { inserted: number; updated: number };
type Counts = { inserted: number; live: number };

const round = (v: number | null | undefined) => (v == null ? null : Math.round(v));

/** The columns shared by telemetry_raw and miner_telemetry_live, as json_to_recordset types. */
const COLUMNS = `miner_id uuid, collected_at timestamptz, online boolean, hashrate5s_ths real, hashrate_avg_ths real,
  hashrate_nominal_ths real, temp_chip_max_c real, temp_board_max_c real, temp_inlet_c real, temp_outlet_c real,
  fan_min_rpm integer, fan_count integer, power_w real, accepted double precision, rejected double precision,
  hardware_errors double precision, uptime_s integer`;
const NAMES = COLUMNS.split(',').map((c) => c.trim().split(/\s+/)[0]!);
const METRICS = NAMES.filter((n) => n !== 'miner_id' && n !== 'collected_at');

function toRow(minerId: string, { record: r, collectedAt }: IngestItem) {
  return {
    miner_id: minerId,
    collected_at: collectedAt,
    online: r.online,
    hashrate5s_ths: r.hashrate_5s_ths ?? null,
    hashrate_avg_ths: r.hashrate_avg_ths ?? null,
    hashrate_nominal_ths: r.hashrate_nominal_ths ?? null,
    temp_chip_max_c: r.temp_chip_max_c ?? null,
    temp_board_max_c: r.temp_board_max_c ?? null,
    temp_inlet_c: r.temp_inlet_c ?? null,
    temp_outlet_c: r.temp_outlet_c ?? null,
    fan_min_rpm: r.fans_rpm.length ? round(Math.min(...r.fans_rpm)) : null,
    fan_count: r.fans_rpm.length,
    power_w: r.power_w ?? null,
    accepted: r.accepted ?? null,
    rejected: r.rejected ?? null,
    hardware_errors: r.hardware_errors ?? null,
    uptime_s: round(r.uptime_s),
  };
}

const set = (names: string[]) => names.map((n) => `${n} = excluded.${n}`).join(', ');

/**
 * Writes one upload in a single transaction: raw rows (idempotent on miner + collected_at: a reading
 * is immutable, so a replayed one is counted as `updated` and left as it is), the live row of each miner (only moved forward in time) and the
 * device's health. One statement carries all rows as a JSON parameter, so the row count never runs
 * into PostgreSQL's bind-parameter limit.
 */
export async function writeTelemetry(
  db: Db,
  device: Device,
  items: IngestItem[],
  meta: { now: Date; version: string | null; bufferDepth: number | null },
): Promise<IngestCounts> {
  return db.transaction(async (tx) => {
    const ids = await resolveMiners(tx, device, items.map((i) => i.record));
    const byKey = new Map<string, ReturnType<typeof toRow>>();
    items.forEach((item, i) => {
      const row = toRow(ids[i]!, item);
      byKey.set(`${row.miner_id}|${Date.parse(row.collected_at)}`, row);
    });
    const rows = [...byKey.values()];
    const cols = NAMES.join(', ');
    const [counts] = await queryRows<Counts>(
      tx,
      sql`with src as (select * from json_to_recordset(${JSON.stringify(rows)}::json) as x(${sql.raw(COLUMNS)})),
      ins as (
        insert into telemetry_raw (${sql.raw(cols)}) select ${sql.raw(cols)} from src
        on conflict (miner_id, collected_at) do nothing
        returning 1
      ),
      live as (
        insert into miner_telemetry_live (${sql.raw(cols)}, org_id, site_id, offline_since, updated_at)
        select distinct on (miner_id) ${sql.raw(cols)}, ${device.orgId}::uuid, ${device.siteId}::uuid,
          case when online then null else collected_at end, ${meta.now.toISOString()}::timestamptz
        from src order by src.miner_id, src.collected_at desc
        on conflict (miner_id) do update set ${sql.raw(set([...METRICS, 'collected_at', 'org_id', 'site_id', 'updated_at']))},
          offline_since = case when excluded.online then null
            else coalesce(miner_telemetry_live.offline_since, excluded.offline_since) end
        where excluded.collected_at >= miner_telemetry_live.collected_at
        returning 1
      )
      select (select count(*) from ins)::int as inserted, (select count(*) from live)::int as live`,
    );
    const oldest = Math.min(...rows.map((r) => Date.parse(r.collected_at)));
    await tx
      .update(edgeDevices)
      .set({
        lastSeenAt: meta.now,
        version: meta.version,
        bufferDepth: meta.bufferDepth,
        lagS: Number.isFinite(oldest) ? Math.max(0, Math.round((meta.now.getTime() - oldest) / 1000)) : null,
      })
      .where(eq(edgeDevices.id, device.id));
    const inserted = counts?.inserted ?? 0;
    return { inserted, updated: rows.length - inserted };
  });
}
