'use server';

import { headers } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { type ActionResult, authorizedAction, formToObject } from '@/lib/actions/action';
import { brandBaseDomains, env } from '@/lib/env';
import { approvePortalSchema } from '@/lib/validation/crm';
import { grantPortalAccess } from './portal-access-flow';

const run = authorizedAction({ module: 'crm:customer_management', level: 'FULL' }, approvePortalSchema, async (input, actor) => {
  const h = await headers();
  const baseUrl = `${h.get('x-forwarded-proto') ?? 'http'}://${h.get('x-forwarded-host') ?? h.get('host') ?? 'localhost:3000'}`;
  const result = await grantPortalAccess(await getDb(), actor, input, { baseUrl, baseDomains: brandBaseDomains(), smtp: env().smtp ?? null, now: new Date() });
  revalidatePath('/[locale]/crm/leads', 'page');
  return result;
});

/** Staff approve a converted lead: its customer gets a portal account and an e-mailed link to set a password. */
export async function approvePortalUserAction(_prev: ActionResult<{ userId: string; created: boolean; sent: boolean }> | null, form: FormData): Promise<ActionResult<{ userId: string; created: boolean; sent: boolean }>> {
  return run(formToObject(form));
}
