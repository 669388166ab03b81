import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../client';
import { miners, sites } from '../../schema';
import { minerScope, siteScope } from '../scope';
import type { Scope } from '@/lib/core/scope';

/** Sites in scope with the miner counts the viewer may see, aggregated in SQL. */
export async function listSites(db: Db, scope: Scope) {
  const counts = db
    .select({
      siteId: miners.siteId,
      total: sql<number>`count(*)::int`.as('total'),
      active: sql<number>`(count(*) filter (where ${miners.status} = 'active'))::int`.as('active'),
      offline: sql<number>`(count(*) filter (where ${miners.status} = 'offline'))::int`.as('offline'),
    })
    .from(miners)
    .where(minerScope(scope))
    .groupBy(miners.siteId)
    .as('counts');
  return db
    .select({
      id: sites.id,
      name: sites.name,
      location: sites.location,
      timeZone: sites.timeZone,
      energySource: sites.energySource,
      contractedKw: sites.contractedKw,
      electricityUsdPerKwh: sites.electricityUsdPerKwh,
      miners: sql<number>`coalesce(${counts.total}, 0)`,
      active: sql<number>`coalesce(${counts.active}, 0)`,
      offline: sql<number>`coalesce(${counts.offline}, 0)`,
    })
    .from(sites)
    .leftJoin(counts, eq(counts.siteId, sites.id))
    .where(siteScope(scope))
    .orderBy(asc(sites.name));
}

export async function listSiteOptions(db: Db, scope: Scope) {
  return db.select({ id: sites.id, name: sites.name }).from(sites).where(siteScope(scope)).orderBy(asc(sites.name));
}
