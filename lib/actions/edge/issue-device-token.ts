'use server';

import { z } from '@/lib/validation/zod';
import { getDb } from '@/db';
import { issueDeviceToken } from '@/lib/edge/devices';
import { type ActionResult, authorizedAction, formToObject } from '@/lib/actions/action';

const schema = z.object({ siteId: z.uuid('required'), name: z.string().trim().min(1, 'required').max(80, 'tooLong') });

const run = authorizedAction({ module: 'hosting:edge', level: 'FULL' }, schema, async (input, actor) => {
  const { device, token } = await issueDeviceToken(await getDb(), actor.scope, actor.userId, input);
  // The token leaves the server only in this answer; only its hash is stored.
  return { id: device.id, name: device.name, token };
});

export async function issueDeviceTokenAction(_prev: ActionResult<unknown> | null, form: FormData) {
  return run(formToObject(form));
}
