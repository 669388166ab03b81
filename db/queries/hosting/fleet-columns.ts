import { type SQL, sql } from 'drizzle-orm';
import type { FigureSource } from '@/lib/domain/telemetry/measured';
import { minerModels, miners } from '../../schema';

/*
 * The fleet figures of a group of miners in service, measured (db/queries/telemetry/operational-state.ts):
 * one column list for the dashboard (fleetSummary) and the KPI page (hostingKpis), so the two cannot
 * count or sum differently. Use after `measuredJoins` in a statement filtered by inServiceSql.
 */

const units = (cond: SQL) => sql`coalesce(sum(${miners.quantity}) filter (where ${cond}), 0)::int`;
const ths = (source: FigureSource) => sql`coalesce(sum(ms.hashrate_ths) filter (where ms.hashrate_source = ${source}), 0)::float8`;
const kw = (source: FigureSource) => sql`coalesce(sum(ms.power_w) filter (where ms.power_source = ${source}), 0)::float8 / 1000`;

export const fleetColumns = sql`
  coalesce(sum(${miners.quantity}), 0)::int as total,
  ${units(sql`st.state in ('online', 'overheating')`)} as active,
  ${units(sql`st.state = 'offline'`)} as offline,
  ${units(sql`st.state = 'sleeping'`)} as sleeping,
  ${units(sql`st.state = 'unknown'`)} as unknown,
  ${units(sql`${miners.status} = 'maintenance'`)} as maintenance,
  coalesce(sum(${minerModels.hashrateThs} * ${miners.quantity}), 0)::float8 as nominal_ths,
  coalesce(sum(ms.hashrate_ths), 0)::float8 as active_ths,
  ${ths('telemetry')} as ths_telemetry, ${ths('pool')} as ths_pool, ${ths('nameplate')} as ths_nameplate,
  coalesce(sum(ms.power_w), 0)::float8 / 1000 as active_kw,
  ${kw('telemetry')} as kw_telemetry, ${kw('nameplate')} as kw_nameplate,
  min(lv.collected_at) filter (where st.source = 'telemetry') as oldest_telemetry_at,
  min(pw.recorded_at) filter (where st.source = 'pool') as oldest_pool_at`;

export type FleetFigures = {
  /** Units in service (lib/domain/hosting/fleet-count.ts: sold machines are not counted, on every page). */
  total: number;
  /** Units measured hashing (online or overheating), offline, asleep, or with no current data. */
  active: number;
  offline: number;
  sleeping: number;
  unknown: number;
  /** Units people set to maintenance. */
  maintenance: number;
  nominalThs: number;
  /** Measured first: telemetry, else pool, else nameplate. */
  activeThs: number;
  /** The part of activeThs from each source, so the page can say where the figure came from. */
  thsBySource: Record<FigureSource, number>;
  activeKw: number;
  kwBySource: Record<'telemetry' | 'nameplate', number>;
  /** The oldest reading the figures use from each source (their age), or null when none is used. */
  oldestTelemetryAt: Date | null;
  oldestPoolAt: Date | null;
};

const at = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string));

export function toFleetFigures(r: Record<string, unknown>): FleetFigures {
  return {
    total: Number(r.total ?? 0),
    active: Number(r.active ?? 0),
    offline: Number(r.offline ?? 0),
    sleeping: Number(r.sleeping ?? 0),
    unknown: Number(r.unknown ?? 0),
    maintenance: Number(r.maintenance ?? 0),
    nominalThs: Number(r.nominal_ths ?? 0),
    activeThs: Number(r.active_ths ?? 0),
    thsBySource: { telemetry: Number(r.ths_telemetry ?? 0), pool: Number(r.ths_pool ?? 0), nameplate: Number(r.ths_nameplate ?? 0) },
    activeKw: Number(r.active_kw ?? 0),
    kwBySource: { telemetry: Number(r.kw_telemetry ?? 0), nameplate: Number(r.kw_nameplate ?? 0) },
    oldestTelemetryAt: at(r.oldest_telemetry_at),
    oldestPoolAt: at(r.oldest_pool_at),
  };
}
