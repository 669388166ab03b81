'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { setReferralBonus } from '@/db/queries/billing/referral';
import { type ActionResult, authorizedAction, formToObject } from '@/lib/actions/action';
import { referralBonusSchema } from '@/lib/validation/billing';

const run = authorizedAction({ module: 'crm:invoice', level: 'FULL' }, referralBonusSchema, async ({ referralBonus }, actor) => {
  const out = await setReferralBonus(await getDb(), actor.scope, referralBonus, actor.userId, new Date());
  revalidatePath('/[locale]/crm/invoices', 'page');
  return out;
});

export async function setReferralBonusAction(_prev: ActionResult<{ referralBonusCents: number }> | null, form: FormData) {
  return run(formToObject(form));
}
