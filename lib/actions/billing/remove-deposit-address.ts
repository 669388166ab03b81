'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { removeDepositAddress } from '@/db/queries/billing/deposit-addresses';
import { type ActionResult, authorizedAction } from '@/lib/actions/action';
import { depositAddressRemoveSchema } from '@/lib/validation/billing';

const run = authorizedAction({ module: 'crm:invoice', level: 'FULL' }, depositAddressRemoveSchema, async (input, actor) => {
  const out = await removeDepositAddress(await getDb(), actor.scope, input, actor.userId);
  revalidatePath('/[locale]/crm/customers/[id]/billing', 'page');
  return out;
});

export async function removeDepositAddressAction(input: { customerId: string; asset: string }): Promise<ActionResult<{ removed: boolean }>> {
  return run(input);
}
