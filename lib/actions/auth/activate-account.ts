'use server';

import { getDb } from '@/db';
import { type ActionResult, formToObject } from '@/lib/actions/action';
import { activateWithToken } from '@/lib/actions/crm/portal-access-flow';
import { AppError } from '@/lib/core/errors';
import { toFieldErrors } from '@/lib/core/field-errors';
import { activationSchema } from '@/lib/validation/account';

/** The activation page's action: no session (the link is the credential); the client signs in afterwards. */
export async function activateAccountAction(_prev: ActionResult<{ email: string }> | null, form: FormData): Promise<ActionResult<{ email: string }>> {
  const parsed = activationSchema.safeParse(formToObject(form));
  if (!parsed.success) return { ok: false, code: 'VALIDATION', fieldErrors: toFieldErrors(parsed.error) };
  try {
    return { ok: true, data: await activateWithToken(await getDb(), parsed.data, new Date()) };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, code: error.code, fieldErrors: error.fieldErrors };
    console.error('[activate] unexpected error', error);
    return { ok: false, code: 'INTERNAL' };
  }
}
