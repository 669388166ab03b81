'use server';

import { getDb } from '@/db';
import { previewSelection } from '@/db/queries/edge/bulk';
import { authorizedAction } from '@/lib/actions/action';
import { EDGE_COMMAND_TYPES } from '@/lib/domain/edge/command-support';
import { z } from '@/lib/validation/zod';
import { bulkSelectionSchema } from '@/lib/validation/bulk-actions';

const schema = z.object({ selection: bulkSelectionSchema, type: z.enum(EDGE_COMMAND_TYPES).nullable().default(null) });

/** What the confirmation names: the count in the actor's scope, per firmware family, and which take the command. */
const run = authorizedAction({ module: 'hosting:status_monitor', level: 'READ' }, schema, async (input, actor) => previewSelection(await getDb(), actor.scope, input.selection, input.type, new Date()));

export async function bulkPreviewAction(input: unknown) {
  return run(input);
}
