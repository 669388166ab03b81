'use server';

import { getDb } from '@/db';
import { requestCurtailmentStop } from '@/db/queries/power/curtailment-events';
import { authorizedAction } from '@/lib/actions/action';
import { AppError } from '@/lib/core/errors';
import { stopCurtailmentSchema } from '@/lib/validation/curtailment';

/** Ends a curtailment now: the minute job starts its staggered recovery at its next run. */
export const stopCurtailmentAction = authorizedAction({ module: 'curtailment:execute', level: 'FULL' }, stopCurtailmentSchema, async (input, actor) => {
  const stopped = await requestCurtailmentStop(await getDb(), actor.scope, actor.userId, input.eventId, new Date());
  if (!stopped) throw new AppError('NOT_FOUND');
  return { stopped };
});
