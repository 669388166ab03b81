import { and, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Scope } from '@/lib/core/scope';
import { customers, miners, sites } from '../schema';

const nothing = sql`false`;

/** Rows of `miners` the scope may see. */
export function minerScope(scope: Scope): SQL {
  return and(
    eq(miners.orgId, scope.orgId),
    scope.sites === 'all' ? undefined : scope.sites.length ? inArray(miners.siteId, scope.sites) : nothing,
    scope.customers === 'all' ? undefined : scope.customers.length ? inArray(miners.customerId, scope.customers) : nothing,
  )!;
}

/** Rows of `sites` the scope may see: a CLIENT sees the sites that host its miners. */
export function siteScope(scope: Scope): SQL {
  const customerLimit =
    scope.customers === 'all'
      ? undefined
      : scope.customers.length
        ? sql`exists (select 1 from ${miners} where ${miners.siteId} = ${sites.id} and ${inArray(miners.customerId, scope.customers)})`
        : nothing;
  return and(
    eq(sites.orgId, scope.orgId),
    scope.sites === 'all' ? undefined : scope.sites.length ? inArray(sites.id, scope.sites) : nothing,
    customerLimit,
  )!;
}

/** Rows of `customers` the scope may see: site-bound roles see the customers hosted on their sites. */
export function customerScope(scope: Scope): SQL {
  const siteLimit =
    scope.sites === 'all'
      ? undefined
      : scope.sites.length
        ? sql`exists (select 1 from ${miners} where ${miners.customerId} = ${customers.id} and ${inArray(miners.siteId, scope.sites)})`
        : nothing;
  return and(
    eq(customers.orgId, scope.orgId),
    scope.customers === 'all' ? undefined : scope.customers.length ? inArray(customers.id, scope.customers) : nothing,
    siteLimit,
  )!;
}

/**
 * Customers a miner the scope writes may be given: the customers it sees, and customers with no miner
 * anywhere yet (a site takes on a new customer's first machines). A customer hosted only on other
 * sites is neither offered nor accepted, so no form or dry run confirms it exists.
 */
export function assignableCustomerScope(scope: Scope): SQL {
  if (scope.sites === 'all') return customerScope(scope);
  return and(eq(customers.orgId, scope.orgId), or(customerScope(scope), sql`not exists (select 1 from ${miners} where ${miners.customerId} = ${customers.id})`))!;
}
