'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { createDraftInvoice } from '@/db/queries/billing/invoices';
import { type ActionResult, authorizedAction, formToObject } from '@/lib/actions/action';
import { invoiceDraftSchema } from '@/lib/validation/billing';
import { itemsOf } from './form-arrays';

/** A draft of one-off items (installation, parts, a correction before issue). */
const run = authorizedAction({ module: 'crm:invoice', level: 'FULL' }, invoiceDraftSchema, async (v, actor) => {
  const inv = await createDraftInvoice(await getDb(), actor.scope, {
    customerId: v.customerId,
    contractId: v.contractId ?? null,
    taxBps: v.taxPct,
    items: v.items.map((i) => ({ description: i.description, quantity: i.quantity, unitCents: i.unitUsd })),
  });
  revalidatePath('/[locale]/crm/invoices', 'page');
  return { id: inv.id };
});

export async function createInvoiceAction(_prev: ActionResult<{ id: string }> | null, form: FormData) {
  return run({ ...formToObject(form), items: itemsOf(form) });
}
