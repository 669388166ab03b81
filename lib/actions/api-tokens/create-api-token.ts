'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { createApiToken } from '@/lib/auth/api-tokens';
import { type ActionResult, authorizedAction, formToObject } from '@/lib/actions/action';
import { AppError } from '@/lib/core/errors';
import { createApiTokenSchema } from '@/lib/validation/api-tokens';

const run = authorizedAction({ module: 'basic:settings', level: 'FULL' }, createApiTokenSchema, async (input, actor) => {
  const created = await createApiToken(await getDb(), { orgId: actor.orgId, userId: actor.userId }, input.name);
  if (!created.ok) throw new AppError('CONFLICT');
  revalidatePath('/[locale]/settings/api-tokens', 'page');
  // The clear token leaves the server this once; only its hash is stored.
  return { token: created.token, name: created.row.name };
});

export async function createApiTokenAction(_prev: ActionResult<{ token: string; name: string }> | null, form: FormData) {
  return run(formToObject(form));
}
