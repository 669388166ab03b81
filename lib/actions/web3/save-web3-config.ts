'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { authorizedAction, type ActionResult, formToObject } from '@/lib/actions/action';
import { env } from '@/lib/env';
import { web3ConfigSchema } from '@/lib/validation/web3';
import { saveWeb3, type Web3StepResult } from './web3-flow';

const run = authorizedAction({ module: 'web3:blockchain_verify', level: 'FULL' }, web3ConfigSchema, async (input, actor) => {
  const result = await saveWeb3(await getDb(), actor, input, { appSecret: env().authSecret, exchangeBaseUrl: env().exchangeBaseUrl, now: new Date() });
  revalidatePath('/[locale]/admin/web3', 'page');
  return result;
});

/** The wizard's confirmation step. */
export async function saveWeb3ConfigAction(_prev: ActionResult<Web3StepResult> | null, form: FormData) {
  return run(formToObject(form));
}
