import { sql } from 'drizzle-orm';
import type { Scope } from '@/lib/core/scope';
import { type Db, queryRows } from '../../client';
import { scopeWhere } from '../scope';

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const date = (v: unknown): Date | null => (v === null || v === undefined ? null : new Date(v as string));

export type TableSize = { table: string; bytes: number };
export type DatabaseStats = {
  latencyMs: number;
  connections: number | null;
  maxConnections: number | null;
  sizeBytes: number | null;
  tables: TableSize[];
};

/**
 * The database as the monitoring page shows it: a round trip's time (the best of three, so one
 * scheduling hiccup does not read as a slow database), connections to this database against the
 * server's limit, the database's size and its largest tables. A partitioned table counts its
 * partitions (telemetry_raw is one table to an operator, not one per day).
 */
export async function databaseStats(db: Db, limit = 12): Promise<DatabaseStats> {
  let latencyMs = Infinity;
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    await db.execute(sql`select 1`);
    latencyMs = Math.min(latencyMs, performance.now() - started);
  }
  const [conn] = await queryRows<{ connections: number | null; max_connections: string | null; size: string | null }>(
    db,
    sql`select (select count(*)::int from pg_stat_activity where datname = current_database()) as connections,
      current_setting('max_connections', true) as max_connections,
      pg_database_size(current_database())::text as size`,
  );
  const tables = await queryRows<{ table: string; bytes: string }>(
    db,
    sql`select name as table, size::text as bytes from (
        select c.relname as name,
          case when c.relkind = 'p'
            then (select coalesce(sum(pg_total_relation_size(t.relid)), 0) from pg_partition_tree(c.oid) t where t.isleaf)
            else pg_total_relation_size(c.oid) end as size
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
      ) s order by size desc, name limit ${limit}`,
  );
  return {
    latencyMs,
    // PGlite has one connection and no server-wide limit to speak of: shown as unknown, not 0.
    connections: conn?.connections ?? null,
    maxConnections: num(conn?.max_connections),
    sizeBytes: num(conn?.size),
    tables: tables.map((t) => ({ table: t.table, bytes: Number(t.bytes) })),
  };
}

export type IntegrationCall = { integration: string; at: Date; ms: number; ok: boolean; error: string | null };

/** Adds one call to its integration's hour (the sink of lib/observability/metrics). */
export async function recordIntegrationCall(db: Db, c: IntegrationCall): Promise<void> {
  const ms = Math.max(0, Math.round(c.ms));
  await db.execute(sql`insert into integration_calls_hourly (integration, hour, calls, errors, total_ms, max_ms, last_ok_at, last_error_at, last_error)
    values (${c.integration}, date_trunc('hour', ${c.at.toISOString()}::timestamptz), 1, ${c.ok ? 0 : 1}, ${ms}, ${ms},
      ${c.ok ? c.at.toISOString() : null}::timestamptz, ${c.ok ? null : c.at.toISOString()}::timestamptz, ${c.ok ? null : (c.error ?? 'error').slice(0, 300)})
    on conflict (integration, hour) do update set calls = integration_calls_hourly.calls + 1, errors = integration_calls_hourly.errors + excluded.errors,
      total_ms = integration_calls_hourly.total_ms + excluded.total_ms, max_ms = greatest(integration_calls_hourly.max_ms, excluded.max_ms),
      last_ok_at = greatest(integration_calls_hourly.last_ok_at, excluded.last_ok_at),
      last_error_at = greatest(integration_calls_hourly.last_error_at, excluded.last_error_at),
      last_error = coalesce(excluded.last_error, integration_calls_hourly.last_error)`);
}

export type IntegrationStats = {
  integration: string;
  calls24h: number;
  errors24h: number;
  errorRate24h: number | null;
  meanMs24h: number | null;
  maxMs24h: number | null;
  lastOkAt: Date | null;
  lastErrorAt: Date | null;
  lastError: string | null;
};

/**
 * Every outside service the installation has called in the last 30 days: its last 24 hours (calls,
 * error rate, mean and worst latency) and the last success and failure ever kept. A service not
 * called in 24 hours shows its last success and no rate (null, not 0 %).
 */
export async function integrationStats(db: Db, now: Date): Promise<IntegrationStats[]> {
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`select integration,
        coalesce(sum(calls) filter (where hour > ${now.toISOString()}::timestamptz - interval '24 hours'), 0)::int as calls,
        coalesce(sum(errors) filter (where hour > ${now.toISOString()}::timestamptz - interval '24 hours'), 0)::int as errors,
        sum(total_ms) filter (where hour > ${now.toISOString()}::timestamptz - interval '24 hours')::float8 as total_ms,
        max(max_ms) filter (where hour > ${now.toISOString()}::timestamptz - interval '24 hours') as max_ms,
        max(last_ok_at) as last_ok_at, max(last_error_at) as last_error_at,
        (array_agg(last_error order by last_error_at desc nulls last))[1] as last_error
      from integration_calls_hourly group by integration order by integration`,
  );
  return rows.map((r) => {
    const calls = Number(r.calls);
    return {
      integration: String(r.integration),
      calls24h: calls,
      errors24h: Number(r.errors),
      errorRate24h: calls > 0 ? Number(r.errors) / calls : null,
      meanMs24h: calls > 0 ? Number(r.total_ms) / calls : null,
      maxMs24h: num(r.max_ms),
      lastOkAt: date(r.last_ok_at),
      lastErrorAt: date(r.last_error_at),
      lastError: (r.last_error as string | null) ?? null,
    };
  });
}

export type CollectorStats = {
  deviceId: string;
  name: string;
  site: string;
  version: string | null;
  lastSeenAt: Date | null;
  lagS: number | null;
  bufferDepth: number | null;
  deadLetters: number | null;
  uploads15m: number;
  readingsPerMin15m: number | null;
  revoked: boolean;
};

/**
 * Each collector the scope may see: when it last uploaded, its reported lag and disk buffer, and
 * its rate over the last 15 minutes from edge_ingest_minutes (readings per minute; null when it sent
 * nothing, so a silent collector is not shown as a rate of 0 that could pass for an idle one).
 */
export async function collectorStats(db: Db, scope: Scope, now: Date): Promise<CollectorStats[]> {
  const since = new Date(now.getTime() - 15 * 60_000).toISOString();
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`select d.id, d.name, s.name as site, d.version, d.last_seen_at, d.lag_s, d.buffer_depth, d.dead_letters, d.revoked_at is not null as revoked,
        coalesce(m.uploads, 0)::int as uploads, m.readings
      from edge_devices d join sites s on s.id = d.site_id
      left join lateral (select sum(uploads)::int as uploads, sum(readings)::int as readings from edge_ingest_minutes i
        where i.device_id = d.id and i.minute >= ${since}::timestamptz) m on true
      where ${scopeWhere({ orgId: sql`d.org_id`, siteId: sql`d.site_id` }, scope)}
      order by d.revoked_at is not null, s.name, d.name`,
  );
  return rows.map((r) => ({
    deviceId: String(r.id),
    name: String(r.name),
    site: String(r.site),
    version: (r.version as string | null) ?? null,
    lastSeenAt: date(r.last_seen_at),
    lagS: num(r.lag_s),
    bufferDepth: num(r.buffer_depth),
    deadLetters: num(r.dead_letters),
    uploads15m: Number(r.uploads),
    readingsPerMin15m: r.readings === null ? null : Number(r.readings) / 15,
    revoked: Boolean(r.revoked),
  }));
}

/** Drops ingest minutes older than two days and integration hours older than 30 days; re-running deletes nothing more. */
export async function purgeMonitoring(db: Db, now: Date): Promise<{ minutes: number; hours: number }> {
  const [m] = await queryRows<{ n: number }>(db, sql`with d as (delete from edge_ingest_minutes where minute < ${now.toISOString()}::timestamptz - interval '2 days' returning 1) select count(*)::int as n from d`);
  const [h] = await queryRows<{ n: number }>(db, sql`with d as (delete from integration_calls_hourly where hour < ${now.toISOString()}::timestamptz - interval '30 days' returning 1) select count(*)::int as n from d`);
  return { minutes: m?.n ?? 0, hours: h?.n ?? 0 };
}

/** Every collector of the installation, for the health check (not a page: no scope to apply). */
export async function allCollectorsForHealth(db: Db): Promise<{ deviceId: string; orgId: string; name: string; lastSeenAt: Date | null; bufferDepth: number | null; revoked: boolean }[]> {
  const rows = await queryRows<Record<string, unknown>>(db, sql`select id, org_id, name, last_seen_at, buffer_depth, revoked_at is not null as revoked from edge_devices`);
  return rows.map((r) => ({ deviceId: String(r.id), orgId: String(r.org_id), name: String(r.name), lastSeenAt: date(r.last_seen_at), bufferDepth: num(r.buffer_depth), revoked: Boolean(r.revoked) }));
}
