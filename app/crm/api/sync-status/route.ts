import { getDb } from '@/db';
import { syncCounts } from '@/db/queries/crm/sync-status';
import { withActor } from '@/lib/api/with-actor';
import { crmOk, crmSyncText, localeOf } from '@/lib/crm/hosting-api';
import { syncIssueMessage } from '@/lib/crm/sync-issue-text';
import { syncStatus } from '@/lib/domain/crm/sync-health';

export const dynamic = 'force-dynamic';

/**
 * GET /crm/api/sync-status (seed 002 §5): the link rate of the customers in scope, the last batch,
 * and the seed's recommended alerts as `issues` (texts in the caller's language).
 */
export const GET = withActor(
  { module: 'crm:customer_view', level: 'READ' },
  async (_req, { actor }) => {
    const now = new Date();
    const counts = await syncCounts(await getDb(), actor, now);
    const s = syncStatus(counts, now);
    const t = crmSyncText(localeOf(actor));
    return crmOk({
      total_customers: counts.totalCustomers,
      linked_customers: counts.linkedCustomers,
      unlinked_customers: counts.totalCustomers - counts.linkedCustomers,
      link_rate: s.linkRatePct,
      last_sync: counts.lastBatchAt?.toISOString().replace(/\.\d{3}Z$/, 'Z') ?? null,
      sync_health: s.health,
      issues: s.issues.map((i) => {
        const m = syncIssueMessage(i);
        return t(m.key, m.values);
      }),
    });
  },
  { shape: 'crm' },
);
