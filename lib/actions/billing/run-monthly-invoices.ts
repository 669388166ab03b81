'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { runMonthlyInvoices } from '@/db/queries/billing/monthly';
import { assertManages } from '@/db/queries/billing/scope';
import { type ActionResult, authorizedAction, formToObject } from '@/lib/actions/action';
import { monthlyRunSchema } from '@/lib/validation/billing';

/** The monthly run on a button (the job runs it daily): safe to repeat, it issues nothing twice. */
const run = authorizedAction({ module: 'crm:invoice', level: 'FULL' }, monthlyRunSchema, async ({ month }, actor) => {
  assertManages(actor.scope);
  const out = await runMonthlyInvoices(await getDb(), { orgId: actor.orgId, month, now: new Date() });
  revalidatePath('/[locale]/crm/invoices', 'page');
  return { issued: out.filter((o) => o.result === 'issued').length, existing: out.filter((o) => o.result === 'exists').length };
});

export async function runMonthlyInvoicesAction(_prev: ActionResult<{ issued: number; existing: number }> | null, form: FormData) {
  return run(formToObject(form));
}
