'use server';

import { getDb } from '@/db';
import { cancelCurtailmentWindow } from '@/db/queries/power/curtailment-windows';
import { authorizedAction } from '@/lib/actions/action';
import { AppError } from '@/lib/core/errors';
import { cancelWindowSchema } from '@/lib/validation/curtailment-plans';

/** Cancels a window: it never starts, or, running, recovers from the next minute. */
export const cancelCurtailmentWindowAction = authorizedAction({ module: 'curtailment:execute', level: 'FULL' }, cancelWindowSchema, async (input, actor) => {
  const cancelled = await cancelCurtailmentWindow(await getDb(), actor.scope, actor.userId, input.id, new Date());
  if (!cancelled) throw new AppError('NOT_FOUND');
  return { cancelled };
});
