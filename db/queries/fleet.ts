import { eq, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { minerModels, miners } from '../schema';
import { minerScope } from './scope';
import type { Scope } from '@/lib/auth/scope';

/**
 * Fleet totals for the dashboard in one aggregate query. Nominal figures come from the model
 * catalogue (live telemetry arrives with the edge collector); sold machines are not counted.
 */
export async function fleetSummary(db: Db, scope: Scope) {
  const [row] = await db
    .select({
      total: sql<number>`coalesce(sum(${miners.quantity}) filter (where ${miners.status} <> 'sold'), 0)::int`,
      active: sql<number>`coalesce(sum(${miners.quantity}) filter (where ${miners.status} = 'active'), 0)::int`,
      offline: sql<number>`coalesce(sum(${miners.quantity}) filter (where ${miners.status} = 'offline'), 0)::int`,
      maintenance: sql<number>`coalesce(sum(${miners.quantity}) filter (where ${miners.status} = 'maintenance'), 0)::int`,
      nominalThs: sql<string>`coalesce(sum(${minerModels.hashrateThs} * ${miners.quantity}) filter (where ${miners.status} = 'active'), 0)::text`,
      nominalKw: sql<string>`coalesce(sum(${minerModels.powerW} * ${miners.quantity}) filter (where ${miners.status} = 'active'), 0)::numeric / 1000`,
      sites: sql<number>`count(distinct ${miners.siteId})::int`,
      customers: sql<number>`count(distinct ${miners.customerId})::int`,
    })
    .from(miners)
    .innerJoin(minerModels, eq(minerModels.id, miners.modelId))
    .where(minerScope(scope));
  return {
    total: row?.total ?? 0,
    active: row?.active ?? 0,
    offline: row?.offline ?? 0,
    maintenance: row?.maintenance ?? 0,
    nominalThs: Number(row?.nominalThs ?? 0),
    nominalKw: Number(row?.nominalKw ?? 0),
    sites: row?.sites ?? 0,
    customers: row?.customers ?? 0,
  };
}

/** Miner counts by model for the dashboard chart. */
export async function fleetByModel(db: Db, scope: Scope) {
  return db
    .select({ model: minerModels.name, count: sql<number>`sum(${miners.quantity})::int` })
    .from(miners)
    .innerJoin(minerModels, eq(minerModels.id, miners.modelId))
    .where(sql`${minerScope(scope)} and ${miners.status} <> 'sold'`)
    .groupBy(minerModels.name)
    .orderBy(sql`2 desc`);
}
