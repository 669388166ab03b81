import { withActor } from '@/lib/api/with-actor';
import { AppError } from '@/lib/core/errors';
import { crmSyncText, customerIdParam, localeOf } from '@/lib/crm/hosting-api';
import { runHostingSync } from '@/lib/crm/run-hosting-sync';

export const dynamic = 'force-dynamic';

/**
 * POST /crm/api/customer/<id>/sync-hosting (seed 002 §3): hosting → this customer's CRM fields.
 * No linked account: 404 with the seed's message; an e-mail two customers share: 409.
 */
export const POST = withActor<{ id: string }>(
  { module: 'crm:customer_management', level: 'FULL' },
  async (_req, { actor, params }) => {
    const id = customerIdParam(params);
    const run = await runHostingSync(actor, { customerId: id, trigger: 'api' });
    const outcome = run.outcomes[0];
    if (!outcome) throw new AppError('NOT_FOUND', 'No such customer');
    if (outcome.result === 'skipped') throw new AppError('HOSTING_NOT_LINKED');
    if (outcome.result === 'error') throw new AppError('HOSTING_LINK_AMBIGUOUS');
    return Response.json({ success: true, message: crmSyncText(localeOf(actor))('synced') });
  },
  { shape: 'crm' },
);
