import { getDb } from '@/db';
import { latestHostingNetwork } from '@/db/queries/crm/hosting-network';
import { customerHostingFigures } from '@/db/queries/crm/hosting-stats';
import { withActor } from '@/lib/api/with-actor';
import { AppError } from '@/lib/core/errors';
import { assertReadsCustomerHosting, crmOk, customerIdParam } from '@/lib/crm/hosting-api';
import { hostingStats } from '@/lib/domain/crm/hosting-stats';

export const dynamic = 'force-dynamic';

/**
 * GET /crm/api/customer/<id>/hosting-stats (seed 002 §1): the customer's miners in service, measured
 * TH/s and W, the expected revenue per day at the newest snapshot (BTC, USD), and the customer's
 * electricity at its client price per kWh. A customer outside the caller's scope is a 404.
 */
export const GET = withActor<{ id: string }>(
  'signed-in',
  async (_req, { actor, params }) => {
    assertReadsCustomerHosting(actor);
    const id = customerIdParam(params);
    const db = await getDb();
    const [figures, network] = await Promise.all([customerHostingFigures(db, actor, id, new Date()), latestHostingNetwork(db)]);
    if (!figures) throw new AppError('NOT_FOUND', 'No such customer');
    return crmOk(hostingStats({ ...figures, network }));
  },
  { shape: 'crm' },
);
