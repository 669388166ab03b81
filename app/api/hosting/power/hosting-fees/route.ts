import { NextResponse } from 'next/server';
import { getDb } from '@/db';
import { listHostingFees, putHostingFees } from '@/db/queries/power/hosting-fees';
import { BODY_LIMITS } from '@/lib/api/body-limits';
import { readJson } from '@/lib/api/read-body';
import { withActor } from '@/lib/api/with-actor';
import { usdPerKwhToMc } from '@/lib/domain/power/tariff';
import { requireHostView } from '@/lib/power/present';
import { hostingFeesPutSchema, siteQuerySchema } from '@/lib/validation/power';

export const dynamic = 'force-dynamic';

const present = (r: Awaited<ReturnType<typeof listHostingFees>>[number]['fees']) => ({
  siteId: r.siteId,
  customerId: r.customerId,
  monthlyCents: r.monthlyCents,
  perMinerMonthCents: r.perMinerMonthCents,
  mcPerKwh: r.mcPerKwh,
  updatedAt: r.updatedAt,
});

/** GET /api/hosting/power/hosting-fees[?siteId]: the customers' hosting fees per site (staff). */
export const GET = withActor({ module: 'hosting:power', level: 'READ' }, async (req, { actor }) => {
  requireHostView(actor.scope);
  const { siteId } = siteQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  const rows = await listHostingFees(await getDb(), actor.scope, { siteId });
  return NextResponse.json({ fees: rows.map((r) => ({ ...present(r.fees), siteName: r.siteName, customerName: r.customerName })) });
});

/**
 * PUT {siteId, customerId, monthlyUsd?, perMinerMonthUsd?, usdPerKwh?}: a customer's hosting fees at a
 * site, read by the next bill drafted (issued bills keep theirs). Staff with hosting:power FULL.
 */
export const PUT = withActor({ module: 'hosting:power', level: 'FULL' }, async (req, { actor }) => {
  requireHostView(actor.scope);
  const body = hostingFeesPutSchema.parse(await readJson(req, BODY_LIMITS.json));
  const row = await putHostingFees(
    await getDb(),
    actor.scope,
    { siteId: body.siteId, customerId: body.customerId, monthlyCents: Math.round(body.monthlyUsd * 100), perMinerMonthCents: Math.round(body.perMinerMonthUsd * 100), mcPerKwh: usdPerKwhToMc(body.usdPerKwh) },
    actor.userId,
  );
  return NextResponse.json({ fees: present(row) });
});
