'use server';

import { getDb } from '@/db';
import { resetPassword } from '@/lib/actions/admin/password-reset-flow';
import { type ActionResult, formToObject } from '@/lib/actions/action';
import { AppError } from '@/lib/core/errors';
import { toFieldErrors } from '@/lib/core/field-errors';
import { resetPasswordSchema } from '@/lib/validation/admin-users';

/** The reset page's action: the link's token is the credential; every session and API token of the account ends with it. */
export async function resetPasswordAction(_prev: ActionResult<{ email: string }> | null, form: FormData): Promise<ActionResult<{ email: string }>> {
  const parsed = resetPasswordSchema.safeParse(formToObject(form));
  if (!parsed.success) return { ok: false, code: 'VALIDATION', fieldErrors: toFieldErrors(parsed.error) };
  try {
    const { email } = await resetPassword(await getDb(), parsed.data, new Date());
    return { ok: true, data: { email } };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, code: error.code, fieldErrors: error.fieldErrors };
    console.error('[reset] unexpected error', error);
    return { ok: false, code: 'INTERNAL' };
  }
}
