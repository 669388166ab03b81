import { type SQL, sql } from 'drizzle-orm';
import type { TelemetryRecord } from '@/lib/validation/edge';
import { type Db, queryRows } from '../../client';
import { pgErrorCode } from '../../errors';
import { pgArray } from '../pg-array';
import { createDiscoveredMiners, identityOf, lockSiteDiscovery, normalMac, staticIp } from './miners';

type Device = { id: string; orgId: string; siteId: string };
/** The collector's own figures from the upload's headers (null: not reported). */
type Meta = { now: Date; version: string | null; bufferDepth: number | null; deadLetters: number | null; deadLetterBytes: number | null };
/** A reading admitted for writing, with its instant in epoch milliseconds. */
export type IngestItem = { record: TelemetryRecord; collectedMs: number };
export type IngestCounts = { inserted: number; updated: number };

/**
 * How a reading names its miner (MAC, else the host:port it was read from, else its IP on 4028) and
 * when it was taken, as a 1-based index into the upload's few distinct instants: parsing 5,000
 * copies of the same timestamp text cost more than the rest of the parameters together.
 */
const IDENTITY = { mac: 'text', host: 'text', port: 'integer', ip: 'text', instant: 'integer' } as const;
/** The reading's columns shared by telemetry_raw and miner_telemetry_live, with their array types. */
const READING = {
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
/** Written to the live row only (a raw row does not need them): what firmware the miner runs, kept while it is offline. */
const LIVE_ONLY = { vendor: 'text', firmware: 'text' } as const;
type Column = keyof typeof IDENTITY | keyof typeof READING | keyof typeof LIVE_ONLY;
type Cell = string | number | boolean | null | undefined;
const TYPES: Record<Column, string> = { ...IDENTITY, ...READING, ...LIVE_ONLY };
const COLUMNS = Object.keys(TYPES) as Column[];
const METRICS = Object.keys(READING);
const FIELDS = ['collected_at', ...METRICS];
const list = (names: string[], prefix = '') => names.map((n) => `${prefix}${n}`).join(', ');

/** The upload as columns; `records[k]` is the reading of row k + 1 (the statement's ordinality). */
type Batch = { columns: Record<Column, Cell[]>; instants: string[]; records: TelemetryRecord[]; oldestMs: number };

function minFan(fans: number[]): number | null {
  if (!fans.length) return null;
  let min = fans[0]!;
  for (const f of fans) if (f < min) min = f;
  return Math.round(min);
}

const round = (v: number | null | undefined) => (v == null ? null : Math.round(v));
/**
 * A real (float4) column raises on a value too small for it as well as one too large, and the
 * validated ranges admit, say, 1e-300 TH/s. Below float4's smallest normal value a reading is
 * zero in any unit these columns hold.
 */
const FLOAT4_MIN_NORMAL = 1.1754943508222875e-38;
const float4 = (v: number | null | undefined) => (v != null && v !== 0 && Math.abs(v) < FLOAT4_MIN_NORMAL ? 0 : v);

/**
 * One array per column (column-major), so the batch travels as a fixed number of bind parameters
 * whatever its size. A reading repeated in the upload (same miner identity and instant) keeps the
 * upload's last copy: the input is walked backwards.
 */
function toBatch(items: IngestItem[]): Batch {
  const columns = Object.fromEntries(COLUMNS.map((n) => [n, [] as Cell[]])) as Record<Column, Cell[]>;
  const seen = new Set<string>();
  const instantOf = new Map<number, number>();
  const instants: string[] = [];
  const records: TelemetryRecord[] = [];
  let oldestMs = Number.POSITIVE_INFINITY;
  for (let i = items.length - 1; i >= 0; i--) {
    const { record: r, collectedMs } = items[i]!;
    const key = `${identityOf(r)}|${collectedMs}`;
    if (seen.has(key)) continue;
    seen.add(key);
    records.push(r);
    oldestMs = Math.min(oldestMs, collectedMs);
    let instant = instantOf.get(collectedMs);
    if (instant === undefined) instantOf.set(collectedMs, (instant = instants.push(new Date(collectedMs).toISOString())));
    columns.mac.push(r.mac_address ? normalMac(r.mac_address) : null);
    columns.host.push(r.ip);
    columns.port.push(r.port);
    columns.ip.push(staticIp(r));
    columns.instant.push(instant);
    columns.online.push(r.online);
    columns.hashrate5s_ths.push(float4(r.hashrate_5s_ths));
    columns.hashrate_avg_ths.push(float4(r.hashrate_avg_ths));
    columns.hashrate_nominal_ths.push(float4(r.hashrate_nominal_ths));
    columns.temp_chip_max_c.push(float4(r.temp_chip_max_c));
    columns.temp_board_max_c.push(float4(r.temp_board_max_c));
    columns.temp_inlet_c.push(float4(r.temp_inlet_c));
    columns.temp_outlet_c.push(float4(r.temp_outlet_c));
    columns.fan_min_rpm.push(minFan(r.fans_rpm));
    columns.fan_count.push(r.fans_rpm.length);
    columns.power_w.push(float4(r.power_w));
    columns.accepted.push(r.accepted);
    columns.rejected.push(r.rejected);
    columns.hardware_errors.push(r.hardware_errors);
    columns.uptime_s.push(round(r.uptime_s));
    // An offline or unidentified reading says nothing about the firmware: the live row keeps the last one known.
    const known = r.online && r.vendor && r.vendor !== 'unknown';
    columns.vendor.push(known ? r.vendor : null);
    columns.firmware.push(known ? (r.firmware ?? null) : null);
  }
  return { columns, instants, records, oldestMs };
}

/**
 * Writes one upload: raw rows (idempotent on miner + collected_at: a reading is immutable, so a
 * replayed one is counted as `updated` and left as it is), each miner's live row (only moved
 * forward in time) and the device's health.
 *
 * Steady state (every miner known to the site): one statement that resolves the miners itself, so
 * no miner ids travel and no look-up round trip is needed. An upload with a machine the site does
 * not know writes nothing on that try; the machines are then created and the upload written in
 * one transaction.
 */
export async function writeTelemetry(db: Db, device: Device, items: IngestItem[], meta: Meta): Promise<IngestCounts> {
  const batch = toBatch(items);
  const counts = await writeOptimistically(db, device, batch, meta);
  if (counts) return counts;
  return withoutJit(db, async (tx) => {
    await lockSiteDiscovery(tx, device.siteId);
    await createDiscoveredMiners(tx, device, await unknownReadings(tx, device, batch));
    const written = await writeBatch(tx, device, batch, meta, { skipStored: true });
    if (!written) throw new Error('ingest: a miner created for this upload did not resolve');
    return written;
  });
}

/**
 * A transaction with JIT off: the per-row look-ups make the planner's estimate cross
 * jit_above_cost, and compiling the plan cost more than running it (30 ms of a 50 ms statement).
 */
function withoutJit<T>(db: Db, run: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`);
    return run(tx);
  });
}

/** Unique violation (a stored reading) and deadlock (two overlapping uploads in flight): written again, skipping stored rows. */
const RETRY_CODES = new Set(['23505', '40P01']);

/**
 * A plain insert costs about half of an ON CONFLICT one, and a reading is almost never sent twice
 * (only when the collector missed the answer to an upload that was stored). So the first try
 * assumes fresh readings; a unique violation rolls that statement back whole and the upload is
 * written again, skipping what is stored. PostgreSQL logs the violation; nothing is lost.
 */
async function writeOptimistically(db: Db, device: Device, batch: Batch, meta: Meta): Promise<IngestCounts | null> {
  try {
    return await withoutJit(db, (tx) => writeBatch(tx, device, batch, meta, { skipStored: false }));
  } catch (e) {
    if (!RETRY_CODES.has(pgErrorCode(e) ?? '')) throw e;
    return withoutJit(db, (tx) => writeBatch(tx, device, batch, meta, { skipStored: true }));
  }
}

/** The batch as rows: its columns unnested, `n` its ordinality, `collected_at` looked up from the instants. */
function batchRows(batch: Batch): SQL {
  const arrays = sql.join(
    COLUMNS.map((n) => sql`${pgArray(batch.columns[n])}::${sql.raw(TYPES[n])}[]`),
    sql`, `,
  );
  return sql`select x.*, (${pgArray(batch.instants)}::timestamptz[])[x.instant] as collected_at
    from unnest(${arrays}) with ordinality as x(${sql.raw(list(COLUMNS))}, n)`;
}

/** The batch's readings whose miner the device's site does not know. */
async function unknownReadings(tx: Db, device: Device, batch: Batch): Promise<TelemetryRecord[]> {
  const rows = await queryRows<{ n: number }>(tx, sql`select s.n::int as n from (${batchRows(batch)}) s where ${resolveMiner(device.siteId)} is null`);
  return rows.map((r) => batch.records[r.n - 1]!);
}

/** Null when some reading's miner is not on the device's site; nothing is written then. */
async function writeBatch(tx: Db, device: Device, batch: Batch, meta: Meta, opts: { skipStored: boolean }): Promise<IngestCounts | null> {
  const { oldestMs } = batch;
  const rows = batch.records.length;
  const lagS = Number.isFinite(oldestMs) ? Math.max(0, Math.round((meta.now.getTime() - oldestMs) / 1000)) : null;
  const now = meta.now.toISOString();
  const [result] = await queryRows<{ ok: boolean; inserted: number }>(
    tx,
    sql`with src as (${batchRows(batch)}),
    resolved as (
      select ${resolveMiner(device.siteId)} as miner_id, ${sql.raw(list(FIELDS, 's.'))}, s.vendor, s.firmware from src s
    ),
    ready as (select not exists (select 1 from resolved where miner_id is null) as ok),
    ins as (
      insert into telemetry_raw (miner_id, ${sql.raw(list(FIELDS))})
      select miner_id, ${sql.raw(list(FIELDS))} from resolved where (select ok from ready)
      ${opts.skipStored ? sql`on conflict (collected_at, miner_id) do nothing` : sql``}
      returning 1
    ),
    latest as (
      select distinct on (miner_id) * from resolved where (select ok from ready) order by miner_id, collected_at desc
    ),
    moved as (
      update miner_telemetry_live l set ${sql.raw(FIELDS.map((n) => `${n} = s.${n}`).join(', '))},
        org_id = ${device.orgId}::uuid, site_id = ${device.siteId}::uuid, updated_at = ${now}::timestamptz,
        offline_since = case when s.online then null else coalesce(l.offline_since, s.collected_at) end,
        vendor = coalesce(s.vendor, l.vendor), firmware = case when s.vendor is null then l.firmware else s.firmware end
      from latest s where l.miner_id = s.miner_id and s.collected_at >= l.collected_at
    ),
    -- Miners without a live row yet.
    first as (
      insert into miner_telemetry_live (miner_id, ${sql.raw(list(FIELDS))}, org_id, site_id, offline_since, updated_at, vendor, firmware)
      select miner_id, ${sql.raw(list(FIELDS))}, ${device.orgId}::uuid, ${device.siteId}::uuid,
        case when online then null else collected_at end, ${now}::timestamptz, vendor, firmware
      from latest s where not exists (select 1 from miner_telemetry_live l where l.miner_id = s.miner_id)
      on conflict (miner_id) do update set ${sql.raw([...FIELDS, 'org_id', 'site_id', 'updated_at'].map((n) => `${n} = excluded.${n}`).join(', '))},
        offline_since = case when excluded.online then null else coalesce(miner_telemetry_live.offline_since, excluded.offline_since) end,
        vendor = coalesce(excluded.vendor, miner_telemetry_live.vendor),
        firmware = case when excluded.vendor is null then miner_telemetry_live.firmware else excluded.firmware end
      where excluded.collected_at >= miner_telemetry_live.collected_at
    ),
    health as (
      update edge_devices set last_seen_at = ${now}::timestamptz, version = ${meta.version}, buffer_depth = ${meta.bufferDepth}, lag_s = ${lagS},
        dead_letters = ${meta.deadLetters}, dead_letter_bytes = ${meta.deadLetterBytes}
      where id = ${device.id} and (select ok from ready)
    ),
    -- The collector's ingest rate for the monitoring page, counted in the statement that stores the
    -- upload: a rolled-back upload (the retry below) counts nothing.
    counted as (
      insert into edge_ingest_minutes (device_id, minute, uploads, readings, inserted)
      select ${device.id}::uuid, date_trunc('minute', ${now}::timestamptz), 1, ${rows}, (select count(*) from ins)
      where (select ok from ready)
      on conflict (device_id, minute) do update set uploads = edge_ingest_minutes.uploads + 1,
        readings = edge_ingest_minutes.readings + excluded.readings, inserted = edge_ingest_minutes.inserted + excluded.inserted
    )
    select (select ok from ready) as ok, (select count(*) from ins)::int as inserted`,
  );
  if (!result?.ok) return null;
  return { inserted: result.inserted, updated: rows - result.inserted };
}

/**
 * The miner a reading names, on the site only, in the order the collector identifies machines:
 * MAC (in any case: forms store it upper-case, ingest lower-case), else the host:port a discovered
 * miner was found at, else a miner's static IP on the standard port. COALESCE evaluates lazily, so
 * a MAC match costs one index probe and the later look-ups run only for readings without one.
 */
function resolveMiner(siteId: string): SQL {
  return sql`coalesce(
    (select m.id from miners m where s.mac is not null and m.site_id = ${siteId}::uuid and lower(m.mac_address) = s.mac limit 1),
    (select d.miner_id from edge_discovered_miners d join miners m on m.id = d.miner_id
      where d.host = s.host and d.port = s.port and m.site_id = ${siteId}::uuid order by d.discovered_at desc limit 1),
    (select m.id from miners m where s.ip is not null and m.site_id = ${siteId}::uuid and m.ip_address = s.ip::inet limit 1)
  )`;
}
