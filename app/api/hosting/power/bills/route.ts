import { NextResponse } from 'next/server';
import { getDb } from '@/db';
import { draftBill, issueBill, listBills } from '@/db/queries/power/bills';
import { BODY_LIMITS } from '@/lib/api/body-limits';
import { readJson } from '@/lib/api/read-body';
import { withActor } from '@/lib/api/with-actor';
import { requireHostView } from '@/lib/power/present';
import { billsPostSchema, billsQuerySchema } from '@/lib/validation/power';

export const dynamic = 'force-dynamic';

/**
 * GET /api/hosting/power/bills[?month=YYYY-MM][&siteId][&customerId][&page][&pageSize] (seed:
 * /hosting/api/power/bills): customers' monthly power bills in scope, newest first; a client sees
 * its own. The PDF of one: /api/hosting/power/bills/{id}/pdf?locale=en|zh.
 */
export const GET = withActor({ module: 'hosting:power', level: 'READ' }, async (req, { actor }) => {
  const q = billsQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  const { total, bills } = await listBills(await getDb(), actor.scope, { month: q.month, siteId: q.siteId, customerId: q.customerId, limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
  return NextResponse.json({ total, page: q.page, pageSize: q.pageSize, bills });
});

/**
 * POST {action: 'draft', siteId, customerId, month} computes (or recomputes) a draft, hosting fees from
 * the customer's stored fees at the site (/api/hosting/power/hosting-fees);
 * POST {action: 'issue', billId} numbers and locks it (409 if already issued). Staff with hosting:power FULL.
 */
export const POST = withActor({ module: 'hosting:power', level: 'FULL' }, async (req, { actor }) => {
  requireHostView(actor.scope);
  const body = billsPostSchema.parse(await readJson(req, BODY_LIMITS.json));
  const db = await getDb();
  if (body.action === 'issue') return NextResponse.json({ bill: await issueBill(db, actor.scope, body.billId, actor.userId) });
  return NextResponse.json({ bill: await draftBill(db, actor.scope, { siteId: body.siteId, customerId: body.customerId, month: body.month }) });
});
