import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../client';

/** Every customer with an e-mail address and a miner in service, in any organization: the monthly report's recipients. */
export async function monthlyReportRecipients(db: Db): Promise<{ orgId: string; customerId: string; name: string; email: string }[]> {
  return queryRows(
    db,
    sql`select c.org_id as "orgId", c.id as "customerId", c.name, lower(c.email) as email from customers c
      where c.email is not null and c.email <> '' and exists (select 1 from miners m where m.customer_id = c.id and m.status <> 'sold')
      order by c.org_id, c.id`,
  );
}
