import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import { customers, memberships, users } from '../../schema';

/*
 * Seed 002 links a CRM customer to its hosting account by e-mail. Here the account is the user who
 * signs in for the customer (a member of the customer's organization); e-mails typed into a CRM
 * record or imported carry stray spaces and capitals, so both sides are compared trimmed and
 * lower-cased. The customer's miners are its own either way (miners.customer_id).
 */

/** An e-mail column as the link compares it. */
export const linkEmail = (column: SQLWrapper): SQL => sql`lower(btrim(${column}))`;

/** The linked account of the customer row in scope of the statement (`"customers"`): the earliest matching member, or null. */
export const linkedAccountSql = sql`(select ${users.id} from ${users} join ${memberships} on ${memberships.userId} = ${users.id} and ${memberships.orgId} = ${customers.orgId}
  where ${customers.email} is not null and ${linkEmail(users.email)} = ${linkEmail(customers.email)} order by ${users.createdAt}, ${users.id} limit 1)`;

/**
 * Set-based, for statements over many customers: each e-mail (as the link compares it) of the
 * organization's members and its earliest account. Join `on norm = ${linkEmail(customers.email)}`.
 */
export const accountsByEmail = (orgId: string): SQL => sql`select distinct on (${linkEmail(users.email)}) ${linkEmail(users.email)} as norm, ${users.id} as user_id
  from ${users} join ${memberships} on ${memberships.userId} = ${users.id}
  where ${memberships.orgId} = ${orgId}::uuid
  order by ${linkEmail(users.email)}, ${users.createdAt}, ${users.id}`;
