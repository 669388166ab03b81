'use server';

import { revalidatePath } from 'next/cache';
import { z } from '@/lib/validation/zod';
import { getDb } from '@/db';
import { authorizedAction, formToObject, type ActionResult } from '@/lib/actions/action';
import { createAntpool } from '@/lib/integrations/antpool/factory';
import { testPoolConnection } from '@/lib/integrations/antpool/test-connection';

const run = authorizedAction({ module: 'pool:settings', level: 'FULL' }, z.object({ id: z.uuid('invalid') }), async ({ id }, actor) => {
  const result = await testPoolConnection(createAntpool(), await getDb(), actor.orgId, id);
  revalidatePath('/[locale]/pool/settings', 'page');
  return result;
});

export async function testPoolConnectionAction(_prev: ActionResult<unknown> | null, form: FormData) {
  return run(formToObject(form));
}
