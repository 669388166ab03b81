'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { createCreditNote } from '@/db/queries/billing/invoices';
import { type ActionResult, authorizedAction, formToObject } from '@/lib/actions/action';
import { AppError } from '@/lib/core/errors';
import { creditNoteSchema } from '@/lib/validation/billing';

/** A credit note for the whole invoice (no amount) or an amount before tax. */
const run = authorizedAction({ module: 'crm:invoice', level: 'FULL' }, creditNoteSchema, async (v, actor) => {
  try {
    const cn = await createCreditNote(await getDb(), actor.scope, v.id, { amountCents: v.amountUsd, reason: v.reason }, actor.userId);
    revalidatePath('/[locale]/crm/invoices/[id]', 'page');
    return { id: cn.id, number: cn.number };
  } catch (e) {
    // The query names the amount in cents; the form field is amountUsd.
    if (e instanceof AppError && e.fieldErrors?.amountCents) throw new AppError(e.code, e.message, { amountUsd: e.fieldErrors.amountCents });
    throw e;
  }
});

export async function createCreditNoteAction(_prev: ActionResult<{ id: string; number: string | null }> | null, form: FormData) {
  return run(formToObject(form));
}
