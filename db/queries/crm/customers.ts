import { and, asc, eq, ilike, or, sql } from 'drizzle-orm';
import type { Principal } from '@/lib/core/principal';
import type { Db } from '../../client';
import { customerAccounts, customers, users } from '../../schema';
import { unitsInServiceByCustomer } from '../hosting/customers';
import { containsPattern } from '../like';
import { type PageRequest, pageOf, windowTotal } from '../pagination';
import { crmCustomerWhere } from './scope';

/**
 * The CRM's customer list: the customers the principal manages (every one for owners and admins),
 * with their account manager, tags and units in service, in one statement with its total.
 * `mine` narrows an administrator's list to the customers they manage themselves.
 */
export async function listCrmCustomers(db: Db, who: Principal, filter: { q?: string; mine?: boolean }, req: PageRequest) {
  const like = filter.q ? containsPattern(filter.q) : undefined;
  const fleet = unitsInServiceByCustomer(db, who.scope);
  const query = db
    .select({
      id: customers.id,
      name: customers.name,
      company: customers.company,
      email: customers.email,
      tier: customers.tier,
      ownerUserId: customerAccounts.ownerUserId,
      ownerName: users.name,
      tags: sql<string[]>`coalesce(${customerAccounts.tags}, '{}'::text[])`,
      miners: sql<number>`coalesce(${fleet.miners}, 0)`,
      total: windowTotal(),
    })
    .from(customers)
    .leftJoin(customerAccounts, eq(customerAccounts.customerId, customers.id))
    .leftJoin(users, eq(users.id, customerAccounts.ownerUserId))
    .leftJoin(fleet, eq(fleet.customerId, customers.id))
    .where(
      and(
        crmCustomerWhere(who),
        like ? or(ilike(customers.name, like), ilike(customers.email, like), ilike(customers.company, like), sql`exists (select 1 from unnest(${customerAccounts.tags}) tag where tag ilike ${like})`) : undefined,
        filter.mine ? eq(customerAccounts.ownerUserId, who.userId) : undefined,
      ),
    )
    .orderBy(sql`coalesce(${fleet.miners}, 0) desc`, asc(customers.name), asc(customers.id));
  return pageOf(req, query);
}

/** One customer's record with its CRM account, or null when the principal does not manage it (or it does not exist). */
export async function getCrmCustomer(db: Db, who: Principal, id: string) {
  const [row] = await db
    .select({
      id: customers.id,
      name: customers.name,
      company: customers.company,
      email: customers.email,
      phone: customers.phone,
      tier: customers.tier,
      brandId: customers.brandId,
      createdAt: customers.createdAt,
      ownerUserId: customerAccounts.ownerUserId,
      ownerName: users.name,
      tags: sql<string[]>`coalesce(${customerAccounts.tags}, '{}'::text[])`,
      referralCode: customerAccounts.referralCode,
    })
    .from(customers)
    .leftJoin(customerAccounts, eq(customerAccounts.customerId, customers.id))
    .leftJoin(users, eq(users.id, customerAccounts.ownerUserId))
    .where(and(crmCustomerWhere(who), eq(customers.id, id)));
  return row ?? null;
}
export type CrmCustomer = NonNullable<Awaited<ReturnType<typeof getCrmCustomer>>>;

/** The customers a form may attach a deal to (the principal's, by name), capped for a select. */
export async function customerOptions(db: Db, who: Principal, limit = 500) {
  return db.select({ id: customers.id, name: customers.name }).from(customers).where(crmCustomerWhere(who)).orderBy(asc(customers.name), asc(customers.id)).limit(limit);
}
