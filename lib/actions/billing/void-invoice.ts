'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { voidInvoice } from '@/db/queries/billing/invoices';
import { type ActionResult, authorizedAction, formToObject } from '@/lib/actions/action';
import { idSchema } from '@/lib/validation/billing';

const run = authorizedAction({ module: 'crm:invoice', level: 'FULL' }, idSchema, async ({ id }, actor) => {
  const row = await voidInvoice(await getDb(), actor.scope, id, actor.userId);
  revalidatePath('/[locale]/crm/invoices/[id]', 'page');
  return { status: row.status };
});

export async function voidInvoiceAction(_prev: ActionResult<{ status: string }> | null, form: FormData) {
  return run(formToObject(form));
}
