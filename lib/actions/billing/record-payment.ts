'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { recordPayment } from '@/db/queries/billing/payments';
import { type ActionResult, authorizedAction, formToObject } from '@/lib/actions/action';
import { AppError } from '@/lib/core/errors';
import type { FieldErrors } from '@/lib/core/field-errors';
import { paymentSchema } from '@/lib/validation/billing';

// The query's field names (cents, minor units) → the form's (as people type them).
const FORM_FIELD: Record<string, string> = { amountCents: 'amountUsd', assetMinor: 'assetAmount', rateCents: 'rateUsd' };
const toForm = (errors: FieldErrors) => Object.fromEntries(Object.entries(errors).map(([k, v]) => [FORM_FIELD[k] ?? k, v])) as FieldErrors;

const run = authorizedAction({ module: 'crm:invoice', level: 'FULL' }, paymentSchema, async (v, actor) => {
  try {
    const out = await recordPayment(
      await getDb(),
      actor.scope,
      { customerId: v.customerId, purpose: v.purpose, method: v.method, amountCents: v.amountUsd, assetMinor: v.assetMinor, rateCents: v.rateUsd, txHash: v.txHash ?? null, reference: v.reference ?? null, receivedAt: new Date(`${v.receivedOn}T00:00:00Z`), allowOverpayment: v.allowOverpayment },
      actor.userId,
    );
    revalidatePath('/[locale]/crm/invoices', 'layout');
    return { paymentId: out.payment.id, amountCents: out.payment.amountCents, allocated: out.allocations.length, remainderCents: out.remainderCents };
  } catch (e) {
    if (e instanceof AppError && e.fieldErrors) throw new AppError(e.code, e.message, toForm(e.fieldErrors));
    throw e;
  }
});

export async function recordPaymentAction(_prev: ActionResult<{ paymentId: string; amountCents: number; allocated: number; remainderCents: number }> | null, form: FormData) {
  return run(formToObject(form));
}
