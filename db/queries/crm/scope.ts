import { and, eq, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import type { Principal, Writer } from '@/lib/core/principal';
import { isOrgWide } from '@/lib/core/scope';
import { crmActivities, customerAccounts, customers, deals, leads } from '../../schema';
import { customerScope } from '../scope';

/*
 * Who sees which CRM records: owners and administrators every record of their organization; anyone
 * else only the customers they are the account manager of, the leads and deals they own, and the
 * deals and leads of their customers. A CLIENT never reaches these queries (no crm:* permission) and
 * would see nothing here either: it manages no customer.
 */

export const isCrmAdmin = (who: Pick<Writer, 'scope'>) => isOrgWide(who.scope);

/** Customers the principal manages (all of the organization's for owners and admins; none for a writer with no user). */
export function crmCustomerWhere(who: Writer): SQL {
  if (isCrmAdmin(who)) return eq(customers.orgId, who.orgId);
  return and(eq(customers.orgId, who.orgId), sql`exists (select 1 from ${customerAccounts} where ${customerAccounts.customerId} = ${customers.id} and ${customerAccounts.ownerUserId} = ${who.userId})`)!;
}

/**
 * The customers of seed 002's hosting endpoints and the sync: the same rule as the CRM's lists (the
 * sync panel counts the customers listed beneath it), and for a CLIENT its own customer, whose
 * hosting figures it may read.
 */
export function crmHostingCustomerWhere(who: Writer): SQL {
  return who.scope.customers === 'all' ? crmCustomerWhere(who) : customerScope(who.scope);
}

/** The same test for a customer id column of another table. */
export function managesCustomerSql(who: Principal, customerId: SQLWrapper): SQL {
  return sql`exists (select 1 from ${customerAccounts} where ${customerAccounts.customerId} = ${customerId} and ${customerAccounts.ownerUserId} = ${who.userId})`;
}

export function leadWhere(who: Principal): SQL {
  if (isCrmAdmin(who)) return eq(leads.orgId, who.orgId);
  return and(eq(leads.orgId, who.orgId), eq(leads.ownerUserId, who.userId))!;
}

export function dealWhere(who: Principal): SQL {
  if (isCrmAdmin(who)) return eq(deals.orgId, who.orgId);
  return and(
    eq(deals.orgId, who.orgId),
    sql`(${deals.ownerUserId} = ${who.userId} or ${managesCustomerSql(who, deals.customerId)} or exists (select 1 from ${leads} where ${leads.id} = ${deals.leadId} and ${leads.ownerUserId} = ${who.userId}))`,
  )!;
}

/** Activities on what the principal sees, and those assigned to it. */
export function activityWhere(who: Principal): SQL {
  if (isCrmAdmin(who)) return eq(crmActivities.orgId, who.orgId);
  return and(
    eq(crmActivities.orgId, who.orgId),
    sql`(${crmActivities.ownerUserId} = ${who.userId} or ${managesCustomerSql(who, crmActivities.customerId)} or exists (select 1 from ${leads} where ${leads.id} = ${crmActivities.leadId} and ${leads.ownerUserId} = ${who.userId}))`,
  )!;
}
