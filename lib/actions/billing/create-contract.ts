'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { createContract } from '@/db/queries/billing/contracts';
import { type ActionResult, authorizedAction } from '@/lib/actions/action';
import { contractCreateSchema } from '@/lib/validation/billing';
import { formWithArrays } from './form-arrays';

const run = authorizedAction({ module: 'crm:invoice', level: 'FULL' }, contractCreateSchema, async (v, actor) => {
  const { rateUsd: _r, revenueSharePct, depositUsd, slaUptimePct, slaCreditPctPerPoint, slaCreditCapPct, taxPct, ...rest } = v;
  const row = await createContract(
    await getDb(),
    actor.scope,
    { ...rest, revenueShareBps: revenueSharePct, depositCents: depositUsd, slaUptimeBps: slaUptimePct, slaCreditBpsPerPoint: slaCreditPctPerPoint, slaCreditCapBps: slaCreditCapPct, taxBps: taxPct, notes: rest.notes ?? null },
    actor.userId,
  );
  revalidatePath('/[locale]/crm/customers/[id]/billing', 'page');
  return { id: row.id };
});

export async function createContractAction(_prev: ActionResult<{ id: string }> | null, form: FormData) {
  return run(formWithArrays(form, ['siteIds', 'minerIds']));
}
