'use server';

import { authorizedAction, type ActionResult, formToObject } from '@/lib/actions/action';
import { env } from '@/lib/env';
import { web3ConfigSchema } from '@/lib/validation/web3';
import { reviewWeb3, type Web3StepResult } from './web3-flow';

const run = authorizedAction({ module: 'web3:blockchain_verify', level: 'FULL' }, web3ConfigSchema, (input) => reviewWeb3(input, { appSecret: env().authSecret, exchangeBaseUrl: env().exchangeBaseUrl, now: new Date() }));

/** A wizard step's "Next": checks without writing anything. */
export async function checkWeb3ConfigAction(_prev: ActionResult<Web3StepResult> | null, form: FormData) {
  return run(formToObject(form));
}
