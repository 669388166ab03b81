'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { authorizedAction, type ActionResult } from '@/lib/actions/action';
import { formWithArrays } from '@/lib/actions/billing/form-arrays';
import { getHostBrand } from '@/lib/brands/host-brand';
import { appNameOf } from '@/lib/domain/brands/app-name';
import { env } from '@/lib/env';
import { inviteUserSchema } from '@/lib/validation/admin-users';
import { inviteUser } from './invite-flow';
import { linkBaseUrl } from './link-base';

const run = authorizedAction({ module: 'user:create', level: 'FULL' }, inviteUserSchema, async (input, actor) => {
  const host = await getHostBrand();
  const result = await inviteUser(await getDb(), actor, input, { baseUrl: await linkBaseUrl(), appName: appNameOf(host.kind === 'brand' ? host.brand : null), smtp: env().smtp ?? null, now: new Date() });
  revalidatePath('/[locale]/admin/users', 'page');
  return { sent: result.sent, link: result.link };
});

export async function inviteUserAction(_prev: ActionResult<{ sent: boolean; link: string | null }> | null, form: FormData) {
  return run(formWithArrays(form, ['siteIds']));
}
