import { sql } from 'drizzle-orm';
import type { TelemetryRecord } from '@/lib/validation/edge';
import { type Db, queryRows } from '../client';
import { pgArray } from './pg-array';
import { knownMiners, resolveMiners } from './telemetry-miners';

type Device = { id: string; orgId: string; siteId: string };
export type IngestItem = { record: TelemetryRecord; collectedAt: string };
export type IngestCounts = { inserted: number; updated: number };
type Counts = { inserted: number };

const round = (v: number | null | undefined) => (v == null ? null : Math.round(v));

/** The columns shared by telemetry_raw and miner_telemetry_live, with their PostgreSQL array types. */
const COLUMNS = {
  miner_id: 'uuid',
  collected_at: 'timestamptz',
  online: 'boolean',
  hashrate5s_ths: 'real',
  hashrate_avg_ths: 'real',
  hashrate_nominal_ths: 'real',
  temp_chip_max_c: 'real',
  temp_board_max_c: 'real',
  temp_inlet_c: 'real',
  temp_outlet_c: 'real',
  fan_min_rpm: 'integer',
  fan_count: 'integer',
  power_w: 'real',
  accepted: 'float8',
  rejected: 'float8',
  hardware_errors: 'float8',
  uptime_s: 'integer',
} as const;
type Column = keyof typeof COLUMNS;
type Cell = string | number | boolean | null | undefined;
const NAMES = Object.keys(COLUMNS) as Column[];
const METRICS = NAMES.filter((n) => n !== 'miner_id' && n !== 'collected_at');

function minFan(fans: number[]): number | null {
  if (!fans.length) return null;
  let min = fans[0]!;
  for (const f of fans) if (f < min) min = f;
  return Math.round(min);
}

/** One array per column (column-major), so the batch travels as 17 bind parameters whatever its size. */
function toColumns(ids: string[], items: IngestItem[]): Record<Column, Cell[]> {
  const out = Object.fromEntries(NAMES.map((n) => [n, [] as Cell[]])) as Record<Column, Cell[]>;
  const seen = new Set<string>();
  // Walk newest-last input backwards so a duplicate (miner, instant) keeps the upload's last copy.
  for (let i = items.length - 1; i >= 0; i--) {
    const { record: r, collectedAt } = items[i]!;
    const key = `${ids[i]}|${collectedAt}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.miner_id.push(ids[i]);
    out.collected_at.push(collectedAt);
    out.online.push(r.online);
    out.hashrate5s_ths.push(r.hashrate_5s_ths);
    out.hashrate_avg_ths.push(r.hashrate_avg_ths);
    out.hashrate_nominal_ths.push(r.hashrate_nominal_ths);
    out.temp_chip_max_c.push(r.temp_chip_max_c);
    out.temp_board_max_c.push(r.temp_board_max_c);
    out.temp_inlet_c.push(r.temp_inlet_c);
    out.temp_outlet_c.push(r.temp_outlet_c);
    out.fan_min_rpm.push(minFan(r.fans_rpm));
    out.fan_count.push(r.fans_rpm.length);
    out.power_w.push(r.power_w);
    out.accepted.push(r.accepted);
    out.rejected.push(r.rejected);
    out.hardware_errors.push(r.hardware_errors);
    out.uptime_s.push(round(r.uptime_s));
  }
  return out;
}

const set = (names: string[]) => names.map((n) => `${n} = excluded.${n}`).join(', ');

/**
 * Writes one upload atomically: raw rows (idempotent on miner + collected_at: a reading
 * is immutable, so a replayed one is counted as `updated` and left as it is), the live row of each miner (only moved forward in time) and the
 * device's health. One statement carries the batch as one typed array per column, unnested in SQL:
 * no per-row JSON decoding and never near PostgreSQL's bind-parameter limit.
 */
export async function writeTelemetry(
  db: Db,
  device: Device,
  items: IngestItem[],
  meta: { now: Date; version: string | null; bufferDepth: number | null },
): Promise<IngestCounts> {
  const records = items.map((i) => i.record);
  // Steady state: every miner known, so the write is one statement — atomic on its own, no
  // transaction round trips. A batch with new machines creates them first, all in one transaction.
  const known = await knownMiners(db, device.siteId, records);
  if (known) return writeRows(db, device, items, known, meta);
  return db.transaction(async (tx) => writeRows(tx, device, items, await resolveMiners(tx, device, records), meta));
}

async function writeRows(db: Db, device: Device, items: IngestItem[], ids: string[], meta: { now: Date; version: string | null; bufferDepth: number | null }): Promise<IngestCounts> {
  const columns = toColumns(ids, items);
  const rows = columns.collected_at as string[];
  let oldest = Number.POSITIVE_INFINITY;
  for (const t of rows) oldest = Math.min(oldest, Date.parse(t));
  const lagS = Number.isFinite(oldest) ? Math.max(0, Math.round((meta.now.getTime() - oldest) / 1000)) : null;
  const cols = NAMES.join(', ');
  const arrays = sql.join(
    NAMES.map((n) => sql`${pgArray(columns[n])}::${sql.raw(COLUMNS[n])}[]`),
    sql`, `,
  );
  const [counts] = await queryRows<Counts>(
    db,
    sql`with src as (select * from unnest(${arrays}) as x(${sql.raw(cols)})),
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
    ),
    health as (
      update edge_devices set last_seen_at = ${meta.now.toISOString()}::timestamptz, version = ${meta.version},
        buffer_depth = ${meta.bufferDepth}, lag_s = ${lagS}
      where id = ${device.id}
    )
    select (select count(*) from ins)::int as inserted`,
  );
  const inserted = counts?.inserted ?? 0;
  return { inserted, updated: rows.length - inserted };
}
