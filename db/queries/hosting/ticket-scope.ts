import { and, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Scope } from '@/lib/core/scope';
import { miners, tickets } from '../../schema';
import { scopeWhere } from '../scope';

const nothing = sql`false`;

/**
 * Rows of `tickets` the scope may see. Site-bound staff see their sites' tickets, and a
 * customer-only ticket when that customer has miners on one of their sites; a CLIENT sees only
 * its own customer's tickets.
 */
export function ticketScope(scope: Scope): SQL {
  const siteLimit =
    scope.sites === 'all'
      ? undefined
      : scope.sites.length
        ? or(
            inArray(tickets.siteId, scope.sites),
            and(isNull(tickets.siteId), sql`exists (select 1 from ${miners} where ${miners.customerId} = ${tickets.customerId} and ${inArray(miners.siteId, scope.sites)})`),
          )
        : nothing;
  return and(
    eq(tickets.orgId, scope.orgId),
    siteLimit,
    scopeWhere({ customerId: tickets.customerId }, scope),
  )!;
}

/** A CLIENT (customer-scoped viewer) works tickets as the customer, never as staff. */
export const isCustomerView = (scope: Scope) => scope.customers !== 'all';
