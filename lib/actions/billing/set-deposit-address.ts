'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { setDepositAddress } from '@/db/queries/billing/deposit-addresses';
import { type ActionResult, authorizedAction, formToObject } from '@/lib/actions/action';
import { depositAddressSchema } from '@/lib/validation/billing';

/** Staff set a customer's BTC or USDT deposit address; the schema checks it (checksum, network) before anything is written. */
const run = authorizedAction({ module: 'crm:invoice', level: 'FULL' }, depositAddressSchema, async (input, actor) => {
  const out = await setDepositAddress(await getDb(), actor.scope, input, actor.userId, new Date());
  revalidatePath('/[locale]/crm/customers/[id]/billing', 'page');
  return out;
});

export async function setDepositAddressAction(_prev: ActionResult<{ asset: string; network: string; address: string }> | null, form: FormData) {
  return run(formToObject(form));
}
