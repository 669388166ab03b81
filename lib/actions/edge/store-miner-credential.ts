'use server';

import { z } from '@/lib/validation/zod';
import { getDb } from '@/db';
import { storeSealedCredential } from '@/db/queries/edge/credentials';
import { authorizedAction } from '@/lib/actions/action';
import { sealedCredentialSchema } from '@/lib/validation/edge-credentials';

const schema = z.object({ minerId: z.uuid('invalid'), sealed: sealedCredentialSchema });

// Receives only the blob the browser sealed to the collector's key; there is no plaintext field.
const run = authorizedAction({ module: 'remote:execute', level: 'FULL' }, schema, async (input, actor) =>
  storeSealedCredential(await getDb(), actor.scope, actor.userId, input.minerId, input.sealed, new Date()),
);

export async function storeMinerCredentialAction(input: unknown) {
  return run(input);
}
