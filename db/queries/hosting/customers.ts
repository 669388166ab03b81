import { and, asc, eq, ilike, or, sql } from 'drizzle-orm';
import type { Db } from '../../client';
import { customers, miners } from '../../schema';
import { type PageRequest, pageOf, windowTotal } from '../pagination';
import { customerScope, minerScope } from '../scope';
import { containsPattern } from '../like';
import { inServiceSql } from './in-service';
import type { Scope } from '@/lib/core/scope';

/**
 * Each customer's units in service on the scope's sites (a rack line counts its quantity; sold
 * machines are not counted), as on every page: a subquery to left-join on `customerId`.
 */
export const unitsInServiceByCustomer = (db: Db, scope: Scope) =>
  db
    .select({ customerId: miners.customerId, miners: sql<number>`sum(${miners.quantity})::int`.as('miners') })
    .from(miners)
    .where(and(minerScope(scope), inServiceSql))
    .groupBy(miners.customerId)
    .as('fleet');

export async function listCustomers(db: Db, scope: Scope, filter: { q?: string }, req: PageRequest) {
  const q = filter.q?.trim();
  const like = q ? containsPattern(q) : undefined;
  const fleet = unitsInServiceByCustomer(db, scope);
  const query = db
    .select({
      id: customers.id,
      name: customers.name,
      company: customers.company,
      email: customers.email,
      tier: customers.tier,
      miners: sql<number>`coalesce(${fleet.miners}, 0)`,
      total: windowTotal(),
    })
    .from(customers)
    .leftJoin(fleet, eq(fleet.customerId, customers.id))
    .where(and(customerScope(scope), like ? or(ilike(customers.name, like), ilike(customers.email, like)) : undefined))
    .orderBy(sql`coalesce(${fleet.miners}, 0) desc`, asc(customers.name));
  return pageOf(req, query);
}
