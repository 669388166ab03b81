'use server';

import { getDb } from '@/db';
import { putHostingFees } from '@/db/queries/power/hosting-fees';
import { type ActionResult, authorizedAction, formToObject } from '@/lib/actions/action';
import { usdPerKwhToMc } from '@/lib/domain/power/tariff';
import { requireHostView } from '@/lib/power/present';
import { hostingFeesPutSchema } from '@/lib/validation/power';

/**
 * A customer's hosting fees at a site from the form, as `PUT …/hosting-fees` stores them (read by the
 * next power bill drafted; issued bills keep theirs). For a customer with a CRM contract the contract
 * is what its invoice charges (README, "Power bills and invoices").
 */
const run = authorizedAction({ module: 'hosting:power', level: 'FULL' }, hostingFeesPutSchema, async (input, actor) => {
  requireHostView(actor.scope);
  await putHostingFees(
    await getDb(),
    actor.scope,
    { siteId: input.siteId, customerId: input.customerId, monthlyCents: Math.round(input.monthlyUsd * 100), perMinerMonthCents: Math.round(input.perMinerMonthUsd * 100), mcPerKwh: usdPerKwhToMc(input.usdPerKwh) },
    actor.userId,
  );
  return { saved: true };
});

export async function saveHostingFeesAction(_prev: ActionResult<{ saved: boolean }> | null, form: FormData) {
  const fields = formToObject(form);
  // A blank amount is no fee of that kind (the schema's default 0), not a number error.
  for (const k of ['monthlyUsd', 'perMinerMonthUsd', 'usdPerKwh']) if (fields[k]?.trim() === '') delete fields[k];
  return run(fields);
}
