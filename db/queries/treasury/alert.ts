import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../client';
import { memberships, notificationChannels, users } from '../../schema';

/** Organizations with a treasury (any ledger entry): the ones the runway alert judges. */
export async function treasuryOrgIds(db: Db): Promise<string[]> {
  const rows = await queryRows<{ org_id: string }>(db, sql`select distinct org_id from treasury_entries order by org_id`);
  return rows.map((r) => r.org_id);
}

/**
 * Where a runway alert goes: the notification channels of the organization's owners and
 * administrators (the only roles that read the treasury), each with its user's language.
 */
export async function treasuryAlertChannels(db: Db, orgId: string) {
  return db
    .select({ channel: notificationChannels, locale: users.locale })
    .from(notificationChannels)
    .innerJoin(users, eq(users.id, notificationChannels.userId))
    .innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.orgId, orgId)))
    .where(and(eq(notificationChannels.orgId, orgId), inArray(sql`upper(${memberships.role})`, ['OWNER', 'ADMIN']), sql`${users.disabledAt} is null`))
    .orderBy(asc(notificationChannels.id));
}
