'use server';

import { z } from '@/lib/validation/zod';
import { getDb } from '@/db';
import { setAlertStatus } from '@/db/queries/edge/alerts';
import { authorizedAction } from '@/lib/actions/action';

const schema = z.object({ id: z.uuid('invalid'), status: z.enum(['ACKNOWLEDGED', 'RESOLVED']) });

const run = authorizedAction({ module: 'hosting:status_monitor', level: 'FULL' }, schema, async (input, actor) =>
  setAlertStatus(await getDb(), actor.scope, actor.userId, input.id, input.status, new Date()),
);

export async function setAlertStatusAction(id: string, status: 'ACKNOWLEDGED' | 'RESOLVED') {
  return run({ id, status });
}
