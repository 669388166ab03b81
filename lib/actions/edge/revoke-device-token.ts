'use server';

import { z } from '@/lib/validation/zod';
import { getDb } from '@/db';
import { revokeDeviceToken } from '@/db/queries/edge/devices';
import { authorizedAction } from '@/lib/actions/action';

const run = authorizedAction({ module: 'hosting:edge', level: 'FULL' }, z.object({ id: z.uuid('invalid') }), async (input, actor) =>
  revokeDeviceToken(await getDb(), actor.scope, actor.userId, input.id),
);

export async function revokeDeviceTokenAction(id: string) {
  return run({ id });
}
