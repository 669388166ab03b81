'use server';

import { getDb } from '@/db';
import { acceptInvite } from '@/lib/actions/admin/invite-flow';
import { type ActionResult, formToObject } from '@/lib/actions/action';
import { AppError } from '@/lib/core/errors';
import { toFieldErrors } from '@/lib/core/field-errors';
import { acceptInviteSchema } from '@/lib/validation/admin-users';

/** The invitation page's action: no session (the invitee has no account yet); the link's token is the credential. */
export async function acceptInviteAction(_prev: ActionResult<{ email: string }> | null, form: FormData): Promise<ActionResult<{ email: string }>> {
  const parsed = acceptInviteSchema.safeParse(formToObject(form));
  if (!parsed.success) return { ok: false, code: 'VALIDATION', fieldErrors: toFieldErrors(parsed.error) };
  try {
    const { email } = await acceptInvite(await getDb(), parsed.data, new Date());
    return { ok: true, data: { email } };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, code: error.code, fieldErrors: error.fieldErrors };
    console.error('[invite] unexpected error', error);
    return { ok: false, code: 'INTERNAL' };
  }
}
