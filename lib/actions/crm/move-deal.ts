'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { moveDeal } from '@/db/queries/crm/deals';
import { type ActionResult, authorizedAction } from '@/lib/actions/action';
import { moveDealSchema } from '@/lib/validation/crm';

const run = authorizedAction({ module: 'crm:customer_management', level: 'FULL' }, moveDealSchema, async (input, actor) => {
  const result = await moveDeal(await getDb(), actor, input, new Date());
  revalidatePath('/[locale]/crm/pipeline', 'page');
  return result;
});

/** Called by the board (drag and drop, or the keyboard) with the card's stage and version as the page saw them. */
export async function moveDealAction(input: { id: string; fromStage: string; version: number; toStage: string; reason?: string | null }): Promise<ActionResult<{ id: string; stage: string; version: number }>> {
  return run(input);
}
