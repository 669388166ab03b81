'use server';

import { randomUUID } from 'node:crypto';
import { getDb } from '@/db';
import { queueBatch, selectionCollectorKeys } from '@/db/queries/edge/bulk';
import { authorizedAction } from '@/lib/actions/action';
import { sealCommandSecret } from '@/lib/edge/crypto';
import { bulkCommandSchema } from '@/lib/validation/bulk-actions';

/**
 * Queues one command for the selection (ticked ids, or every miner matching the list's filter),
 * as one batch. A pool password is sealed here to each site's collector keys and dropped: it is
 * never stored, audited or logged in clear; miners on a site with no collector key are skipped.
 */
const run = authorizedAction({ module: 'remote:execute', level: 'FULL' }, bulkCommandSchema, async (input, actor) => {
  const db = await getDb();
  const now = new Date();
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
});

export async function bulkCommandAction(input: unknown) {
  return run(input);
}
