import { randomUUID } from 'node:crypto';
import { getDb } from '@/db';
import { latestHostingNetwork } from '@/db/queries/crm/hosting-network';
import { syncCustomersFromHosting, type SyncTrigger } from '@/db/queries/crm/hosting-sync';
import type { Principal } from '@/lib/core/principal';

/**
 * A sync someone asked for (the API or the button): every customer in their scope, or one, at the
 * newest network snapshot, logged as its own run. The daily batch is the Inngest function
 * inngest/functions/crm/sync-hosting.ts.
 */
export async function runHostingSync(who: Principal, opts: { customerId?: string; trigger: Exclude<SyncTrigger, 'schedule'> }) {
  const db = await getDb();
  const network = await latestHostingNetwork(db);
  return syncCustomersFromHosting(db, who, {
    customerId: opts.customerId,
    kind: opts.customerId ? 'customer' : 'batch',
    trigger: opts.trigger,
    runKey: `${opts.trigger}:${randomUUID()}`,
    network,
    now: new Date(),
  });
}
