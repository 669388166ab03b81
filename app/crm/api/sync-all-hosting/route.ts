import { withActor } from '@/lib/api/with-actor';
import { crmOk, crmSyncText, localeOf } from '@/lib/crm/hosting-api';
import { runHostingSync } from '@/lib/crm/run-hosting-sync';

export const dynamic = 'force-dynamic';

/** POST /crm/api/sync-all-hosting (seed 002 §4): every customer in the caller's scope, at once. */
export const POST = withActor(
  { module: 'crm:customer_management', level: 'FULL' },
  async (_req, { actor }) => {
    const { total, synced, skipped, errors } = await runHostingSync(actor, { trigger: 'api' });
    return crmOk({ total, synced, skipped, errors }, { message: crmSyncText(localeOf(actor))('syncedMany', { count: synced }) });
  },
  { shape: 'crm' },
);
