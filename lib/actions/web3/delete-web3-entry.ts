'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { recordAudit } from '@/db/queries/admin/audit';
import { deleteWeb3Entry } from '@/db/queries/web3/config';
import { authorizedAction } from '@/lib/actions/action';
import { AppError } from '@/lib/core/errors';
import { web3DeleteSchema } from '@/lib/validation/web3';

const run = authorizedAction({ module: 'web3:blockchain_verify', level: 'FULL' }, web3DeleteSchema, async (input, actor) => {
  const db = await getDb();
  await db.transaction(async (tx) => {
    if (!(await deleteWeb3Entry(tx, actor.orgId, input.kind, input.id))) throw new AppError('NOT_FOUND');
    await recordAudit(tx, { orgId: actor.orgId, actorUserId: actor.userId, action: `web3.${input.kind}.delete`, entityType: `web3_${input.kind}`, entityId: input.id });
  });
  revalidatePath('/[locale]/admin/web3', 'page');
  return null;
});

export async function deleteWeb3EntryAction(kind: 'address' | 'wallet' | 'exchange', id: string) {
  return run({ kind, id });
}
