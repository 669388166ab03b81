import { randomUUID } from 'node:crypto';
import type { Db } from '@/db/client';
import { queueBatch, selectionCollectorKeys } from '@/db/queries/edge/bulk';
import type { Actor } from '@/lib/auth/actor';
import { sealCommandSecret } from '@/lib/edge/crypto';
import type { BulkCommandInput } from '@/lib/validation/bulk-actions';

/**
 * Queues a command batch for a selection. A pool password is sealed here to every active collector
 * key of each site the selection touches, and dropped: it is never stored, audited or logged in
 * clear; miners on a site with no collector key are skipped (reason no_collector_key).
 */
export async function queueSealedBatch(db: Db, actor: Actor, input: BulkCommandInput, now: Date) {
  const batchId = randomUUID();
  if (input.type === 'POOL_SET' && input.params.password) {
    const { password, ...params } = input.params;
    const sites = await selectionCollectorKeys(db, actor.scope, input.selection, now);
    const sealedBySite = Object.fromEntries(
      sites.filter((s) => s.keys?.length).map((s) => [s.site_id, { password_sealed: sealCommandSecret(password, s.keys!, { tenantId: actor.orgId, siteId: s.site_id, batchId }) }]),
    );
    return queueBatch(db, actor.scope, actor.userId, { batchId, selection: input.selection, command: { type: input.type, params, ttlS: input.ttlS }, sealedBySite }, now);
  }
  return queueBatch(db, actor.scope, actor.userId, { batchId, selection: input.selection, command: { type: input.type, params: input.params, ttlS: input.ttlS } }, now);
}
