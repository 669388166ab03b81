'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { revokeApiToken } from '@/db/queries/auth/api-tokens';
import { authorizedAction } from '@/lib/actions/action';
import { AppError } from '@/lib/core/errors';
import { revokeApiTokenSchema } from '@/lib/validation/api-tokens';

const run = authorizedAction({ module: 'basic:settings', level: 'FULL' }, revokeApiTokenSchema, async (input, actor) => {
  const done = await revokeApiToken(await getDb(), { orgId: actor.orgId, userId: actor.userId }, input.id, new Date());
  if (!done) throw new AppError('NOT_FOUND');
  revalidatePath('/[locale]/settings/api-tokens', 'page');
  return { id: input.id };
});

export async function revokeApiTokenAction(id: string) {
  return run({ id });
}
