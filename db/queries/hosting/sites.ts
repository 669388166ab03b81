import { asc, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../client';
import { minerModels, miners, sites } from '../../schema';
import { measuredJoins, measuredWith } from '../telemetry/operational-state';
import { minerScope, siteScope } from '../scope';
import { inServiceSql } from './in-service';
import type { Scope } from '@/lib/core/scope';

/**
 * Sites in scope with the miner counts the viewer may see, aggregated in SQL: units in service (sold
 * machines are not counted, as on the KPI page and the dashboard) and units measured offline
 * (db/queries/telemetry/operational-state.ts).
 */
export async function listSites(db: Db, scope: Scope, now = new Date()) {
  const counts = await queryRows<{ site_id: string; total: number; offline: number }>(
    db,
    sql`with ${measuredWith(now, scope.orgId)}
      select ${miners.siteId} as site_id, coalesce(sum(${miners.quantity}), 0)::int as total,
        coalesce(sum(${miners.quantity}) filter (where st.state = 'offline'), 0)::int as offline
      from ${miners} inner join ${minerModels} on ${minerModels.id} = ${miners.modelId}
      ${measuredJoins(now, scope.orgId)}
      where ${minerScope(scope)} and ${inServiceSql}
      group by ${miners.siteId}`,
  );
  const bySite = new Map(counts.map((c) => [c.site_id, c]));
  const rows = await db
    .select({
      id: sites.id,
      name: sites.name,
      location: sites.location,
      timeZone: sites.timeZone,
      energySource: sites.energySource,
      contractedKw: sites.contractedKw,
      electricityUsdPerKwh: sites.electricityUsdPerKwh,
      clientUsdPerKwh: sites.clientUsdPerKwh,
    })
    .from(sites)
    .where(siteScope(scope))
    .orderBy(asc(sites.name));
  return rows.map((s) => ({ ...s, miners: Number(bySite.get(s.id)?.total ?? 0), offline: Number(bySite.get(s.id)?.offline ?? 0) }));
}

/** The sites in scope for a picker, by name, with their time zones (a window is typed in its site's own). */
export async function listSiteOptions(db: Db, scope: Scope) {
  return db.select({ id: sites.id, name: sites.name, timeZone: sites.timeZone }).from(sites).where(siteScope(scope)).orderBy(asc(sites.name));
}
