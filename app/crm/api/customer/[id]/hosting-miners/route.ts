import { getDb } from '@/db';
import { ADMIN_STATUSES, customerMiners } from '@/db/queries/crm/hosting-miners';
import { withActor } from '@/lib/api/with-actor';
import { AppError } from '@/lib/core/errors';
import { assertReadsCustomerHosting, crmOk, customerIdParam } from '@/lib/crm/hosting-api';
import { hostingMiner } from '@/lib/domain/crm/hosting-stats';
import { z } from '@/lib/validation/zod';

export const dynamic = 'force-dynamic';

const querySchema = z.object({
  status: z.enum(ADMIN_STATUSES).optional(),
  page: z.coerce.number().int().min(1).default(1),
  page_size: z.coerce.number().int().min(1).max(2000).default(500),
});

/**
 * GET /crm/api/customer/<id>/hosting-miners?status= (seed 002 §2): the customer's miner lines with
 * measured figures. The seed's `data` is the array itself, so the page is chosen by `page` and
 * `page_size` (500 by default) and the whole count is sent as X-Total-Count.
 */
export const GET = withActor<{ id: string }>(
  'signed-in',
  async (req, { actor, params }) => {
    assertReadsCustomerHosting(actor);
    const id = customerIdParam(params);
    const q = querySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
    const list = await customerMiners(await getDb(), actor, id, { status: q.status }, { limit: q.page_size, offset: (q.page - 1) * q.page_size }, new Date());
    if (!list) throw new AppError('NOT_FOUND', 'No such customer');
    return crmOk(list.rows.map(hostingMiner), {}, { headers: { 'X-Total-Count': String(list.total) } });
  },
  { shape: 'crm' },
);
