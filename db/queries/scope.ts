import { and, eq, inArray, or, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import type { Scope } from '@/lib/core/scope';
import { customers, miners, sites } from '../schema';

const nothing = sql`false`;

/**
 * The columns a scope limits: the row's organization, site and customer, as table columns or SQL
 * (`sql\`m.site_id\``). An axis without a column is not limited: pass only the columns the row has.
 */
export type ScopedColumns = { orgId?: SQLWrapper; siteId?: SQLWrapper; customerId?: SQLWrapper };

/**
 * The one scope filter every query builds on: rows of the scope's organization, of its sites and of
 * its customers. 'all' leaves an axis open; an empty list matches nothing. `scopeWhere(miners, scope)`
 * takes a table's own columns; a raw query passes its aliases.
 */
export function scopeWhere(columns: ScopedColumns, scope: Scope): SQL {
  const within = (column: SQLWrapper | undefined, allowed: 'all' | string[]) => (column === undefined || allowed === 'all' ? undefined : allowed.length ? inArray(column, allowed) : nothing);
  return and(columns.orgId ? eq(columns.orgId, scope.orgId) : undefined, within(columns.siteId, scope.sites), within(columns.customerId, scope.customers)) ?? sql`true`;
}

/** Rows of `miners` the scope may see. */
export function minerScope(scope: Scope): SQL {
  return scopeWhere(miners, scope);
}

/** Rows of `sites` the scope may see: a CLIENT sees the sites that host its miners. */
export function siteScope(scope: Scope): SQL {
  const customerLimit =
    scope.customers === 'all'
      ? undefined
      : scope.customers.length
        ? sql`exists (select 1 from ${miners} where ${miners.siteId} = ${sites.id} and ${inArray(miners.customerId, scope.customers)})`
        : nothing;
  return and(scopeWhere({ orgId: sites.orgId, siteId: sites.id }, scope), customerLimit)!;
}

/** Rows of `customers` the scope may see: site-bound roles see the customers hosted on their sites. */
export function customerScope(scope: Scope): SQL {
  const siteLimit =
    scope.sites === 'all'
      ? undefined
      : scope.sites.length
        ? sql`exists (select 1 from ${miners} where ${miners.customerId} = ${customers.id} and ${inArray(miners.siteId, scope.sites)})`
        : nothing;
  return and(scopeWhere({ orgId: customers.orgId, customerId: customers.id }, scope), siteLimit)!;
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
