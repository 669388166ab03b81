'use server';

import { z } from '@/lib/validation/zod';
import { getDb } from '@/db';
import { searchLinkableMiners } from '@/db/queries/pool/mismatches';
import { authorizedAction } from '@/lib/actions/action';

/** Miners the actor may link a worker to, for the link dialog's search box. */
export const searchLinkMinersAction = authorizedAction({ module: 'pool:links', level: 'FULL' }, z.object({ q: z.string().trim().min(1, 'required').max(100, 'tooLong') }), async ({ q }, actor) =>
  searchLinkableMiners(await getDb(), actor.scope, q),
);
