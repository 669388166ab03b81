import { sql } from 'drizzle-orm';
import type { Writer } from '@/lib/core/principal';
import { ERROR_WINDOW_MS, type SyncCounts } from '@/lib/domain/crm/sync-health';
import { type Db, queryRows } from '../../client';
import { crmSyncRuns, customers } from '../../schema';
import { accountsByEmail, linkEmail } from './hosting-link';
import { crmHostingCustomerWhere } from './scope';

/**
 * What sync-status reports, in one statement: the customers the principal manages and how many have a linked
 * hosting account, the newest batch run of the organization, and the per-customer operations and
 * failures of its runs over the error window (lib/domain/crm/sync-health.ts judges them).
 */
export async function syncCounts(db: Db, who: Writer, now: Date): Promise<SyncCounts> {
  const { scope } = who;
  const since = new Date(now.getTime() - ERROR_WINDOW_MS).toISOString();
  const [r] = await queryRows<{ total: number; linked: number; last_batch: string | Date | null; operations: number; errors: number }>(
    db,
    sql`select
        t.total, t.linked,
        (select max(${crmSyncRuns.finishedAt}) from ${crmSyncRuns} where ${crmSyncRuns.orgId} = ${scope.orgId}::uuid and ${crmSyncRuns.kind} = 'batch') as last_batch,
        (select coalesce(sum(${crmSyncRuns.synced} + ${crmSyncRuns.errors}), 0) from ${crmSyncRuns} where ${crmSyncRuns.orgId} = ${scope.orgId}::uuid and ${crmSyncRuns.finishedAt} >= ${since}::timestamptz)::int as operations,
        (select coalesce(sum(${crmSyncRuns.errors}), 0) from ${crmSyncRuns} where ${crmSyncRuns.orgId} = ${scope.orgId}::uuid and ${crmSyncRuns.finishedAt} >= ${since}::timestamptz)::int as errors
      from (
        select count(*)::int as total, count(a.user_id)::int as linked from ${customers}
        left join (${accountsByEmail(scope.orgId)}) a on a.norm = ${linkEmail(customers.email)}
        where ${crmHostingCustomerWhere(who)}
      ) t`,
  );
  return {
    totalCustomers: Number(r?.total ?? 0),
    linkedCustomers: Number(r?.linked ?? 0),
    lastBatchAt: r?.last_batch ? new Date(r.last_batch) : null,
    operations: Number(r?.operations ?? 0),
    errors: Number(r?.errors ?? 0),
  };
}

/** Every organization, for the daily batch (each is synced as its own principal). */
export async function syncOrganizations(db: Db): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(db, sql`select id from organizations order by id`);
  return rows.map((r) => r.id);
}
