import { and, eq, sql } from 'drizzle-orm';
import { AppError } from '@/lib/core/errors';
import type { Scope } from '@/lib/core/scope';
import { type Db, queryRows } from '../../client';
import { sites } from '../../schema';
import { pgArray } from '../pg-array';
import { scopeWhere } from '../scope';

export type MeterKind = 'site' | 'pdu';
export type MeterReading = { meterId: string; kind: MeterKind; periodStart: Date; periodEnd: Date; energyWh: number };

/**
 * Stores a site's meter readings (CSV import or the meters' push API: `source`), one statement for
 * the batch; a re-sent interval (same meter and end) replaces the earlier value and is received anew,
 * so its hours re-aggregate (meter-refresh.ts). The site must be in the writer's scope.
 */
export async function upsertMeterReadings(db: Db, scope: Scope, siteId: string, rows: readonly MeterReading[], source: 'csv' | 'api'): Promise<number> {
  const [site] = await db.select({ id: sites.id, orgId: sites.orgId }).from(sites).where(and(eq(sites.id, siteId), scopeWhere({ orgId: sites.orgId, siteId: sites.id }, scope)));
  if (!site) throw new AppError('NOT_FOUND', 'No such site');
  if (!rows.length) return 0;
  const out = await queryRows<{ n: number }>(
    db,
    sql`with r as (
      select * from unnest(${pgArray(rows.map((r) => r.meterId))}::text[], ${pgArray(rows.map((r) => r.periodStart.toISOString()))}::timestamptz[],
        ${pgArray(rows.map((r) => r.periodEnd.toISOString()))}::timestamptz[], ${pgArray(rows.map((r) => r.energyWh))}::bigint[],
        ${pgArray(rows.map((r) => r.kind))}::text[]) as r(meter_id, period_start, period_end, energy_wh, kind)
    ), up as (
      insert into meter_readings (site_id, meter_id, period_end, period_start, org_id, energy_wh, source, kind)
      select distinct on (meter_id, period_end) ${siteId}::uuid, meter_id, period_end, period_start, ${site.orgId}::uuid, energy_wh, ${source}, kind from r
      order by meter_id, period_end
      on conflict (site_id, meter_id, period_end) do update set period_start = excluded.period_start, energy_wh = excluded.energy_wh, source = excluded.source,
        kind = excluded.kind, received_at = clock_timestamp()
      returning 1
    ) select count(*)::int as n from up`,
  );
  return out[0]?.n ?? 0;
}
