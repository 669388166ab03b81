'use server';

import { revalidatePath } from 'next/cache';
import { authorizedAction } from '@/lib/actions/action';
import { runHostingSync } from '@/lib/crm/run-hosting-sync';
import { z } from '@/lib/validation/zod';

const run = authorizedAction({ module: 'crm:customer_management', level: 'FULL' }, z.object({}), async (_input, actor) => {
  const { total, synced, skipped, errors } = await runHostingSync(actor, { trigger: 'button' });
  revalidatePath('/[locale]/crm/customers', 'page');
  return { total, synced, skipped, errors };
});

/** The CRM customers page's "Sync all now": the same batch as POST /crm/api/sync-all-hosting, over the user's scope. */
export async function syncAllHostingAction() {
  return run({});
}
